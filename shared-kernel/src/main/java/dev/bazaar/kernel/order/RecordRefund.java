package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider refunded the buyer. transferReversed: the seller's part came back from their transfer; false when
 * the seller had not been paid, or when the provider refused the reversal (the seller then owes it to the platform).
 */
public record RecordRefund(@TargetAggregateIdentifier OrderId orderId, RefundId refundId, String providerRefundId,
        boolean transferReversed) {

}
