package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The order is done: confirmed by the buyer, or automatically when its completion period passed. */
@Revision("1")
public record OrderCompleted(OrderId orderId, boolean automatically) {

}
