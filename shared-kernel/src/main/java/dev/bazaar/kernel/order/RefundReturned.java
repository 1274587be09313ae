package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * An issued refund came back: the provider could not deliver it to the buyer and returned its amount to the
 * platform's balance. The whole amount is held for the order again (whatever part of it had come from the seller or
 * the commission), and can be refunded again.
 */
@Revision("1")
public record RefundReturned(OrderId orderId, RefundId refundId, String providerRefundId, Money amount,
        String reason) {

}
