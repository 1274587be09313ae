package dev.bazaar.kernel.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a suspended account act again. */
public record ReinstateUser(@TargetAggregateIdentifier UserId userId) {

}
