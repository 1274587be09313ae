package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The seller took the order; capture follows. */
@Revision("1")
public record OrderAccepted(OrderId orderId) {

}
