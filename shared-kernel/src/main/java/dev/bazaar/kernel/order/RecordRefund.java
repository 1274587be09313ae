package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refunded the buyer (and reversed the seller's transfer where the escrow was released). */
public record RecordRefund(@TargetAggregateIdentifier OrderId orderId, RefundId refundId, String providerRefundId) {

}
