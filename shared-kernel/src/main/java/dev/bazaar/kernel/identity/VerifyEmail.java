package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the user proved they read mail at their address (the one-time token was checked by the caller). */
public record VerifyEmail(@TargetAggregateIdentifier UserId userId) {

}
