package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The seller did not accept in time. */
@Revision("1")
public record OrderExpired(OrderId orderId) {

}
