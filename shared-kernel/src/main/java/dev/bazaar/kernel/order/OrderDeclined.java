package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The seller refused the order. */
@Revision("1")
public record OrderDeclined(OrderId orderId, String reason) {

}
