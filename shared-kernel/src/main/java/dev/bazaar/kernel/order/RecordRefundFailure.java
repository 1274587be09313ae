package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused a refund. */
public record RecordRefundFailure(@TargetAggregateIdentifier OrderId orderId, RefundId refundId, String reason) {

}
