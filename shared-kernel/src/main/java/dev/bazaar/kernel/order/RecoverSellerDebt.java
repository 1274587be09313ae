package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin asks Stripe again for what the seller owes on this order: the part of a refund after payout that could
 * not be taken back from their transfer when it was refunded (the reversal was refused).
 */
public record RecoverSellerDebt(@TargetAggregateIdentifier OrderId orderId) {

}
