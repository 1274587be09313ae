package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The buyer withdrew the order before acceptance. */
@Revision("1")
public record OrderCancelled(OrderId orderId) {

}
