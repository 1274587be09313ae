package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the user's personal data by destroying their data key. */
public record ForgetUser(@TargetAggregateIdentifier UserId userId) {

}
