package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The payment was captured: the platform now holds amount in escrow for the order. providerFee is what the payment
 * provider kept of it (the platform's cost, not the seller's).
 */
@Revision("1")
public record PaymentCaptured(OrderId orderId, String paymentIntentId, Money amount, Money providerFee) {

}
