package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Try again a payout that failed (the seller has since completed onboarding, or an admin asks). */
public record RetryPayout(@TargetAggregateIdentifier OrderId orderId) {

}
