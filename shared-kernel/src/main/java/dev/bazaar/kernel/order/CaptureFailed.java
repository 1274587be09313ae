package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The capture failed (e.g. the authorisation had expired); the order is over. */
@Revision("1")
public record CaptureFailed(OrderId orderId, String reason) {

}
