package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The buyer's payment is authorised (not captured); the seller must accept by acceptBy. */
@Revision("1")
public record PaymentAuthorized(OrderId orderId, String paymentIntentId, Money amount, Instant acceptBy) {

}
