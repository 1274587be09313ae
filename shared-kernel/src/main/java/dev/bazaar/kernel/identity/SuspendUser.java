package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an account from acting, at once. */
public record SuspendUser(@TargetAggregateIdentifier UserId userId, String reason) {

}
