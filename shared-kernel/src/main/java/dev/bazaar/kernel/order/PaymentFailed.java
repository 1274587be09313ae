package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The buyer's payment could not be authorised; the order is over. */
@Revision("1")
public record PaymentFailed(OrderId orderId, String reason) {

}
