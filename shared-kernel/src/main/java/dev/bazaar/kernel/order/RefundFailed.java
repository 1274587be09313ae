package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The provider refused the refund; the amount is refundable again. */
@Revision("1")
public record RefundFailed(OrderId orderId, RefundId refundId, String reason) {

}
