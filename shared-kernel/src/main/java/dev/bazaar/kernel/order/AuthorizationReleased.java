package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** An authorisation that will never be captured was released at the provider. */
@Revision("1")
public record AuthorizationReleased(OrderId orderId, String paymentIntentId) {

}
