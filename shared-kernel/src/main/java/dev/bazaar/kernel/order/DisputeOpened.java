package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The buyer contests the order; the escrow is frozen and automatic completion stops. */
@Revision("1")
public record DisputeOpened(OrderId orderId, String reason) {

}
