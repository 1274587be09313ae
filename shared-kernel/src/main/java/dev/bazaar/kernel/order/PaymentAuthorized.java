package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The buyer's payment is authorised (not captured); the seller must accept by acceptBy.
 *
 * <p>Revision 2 adds {@code acceptanceDeadline}, the id of the scheduled deadline that expires the order at acceptBy,
 * so that accepting, declining or cancelling can remove it instead of leaving it to fire as a no-op two days later.
 * Revision-1 events are upcast with it null (their deadline stays and fires as before). Since the acceptance sweep
 * (ADR 0015) no deadline is scheduled and new events carry it null: the payment process expires the order once
 * acceptBy has passed.
 */
@Revision("2")
public record PaymentAuthorized(OrderId orderId, String paymentIntentId, Money amount, Instant acceptBy,
        String acceptanceDeadline) {

}
