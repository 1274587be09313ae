package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The buyer got the refund back from the provider. fromSeller came back from the seller's transfer when
 * transferReversed (the seller had been paid), or was taken off what the platform still owed them otherwise.
 */
@Revision("1")
public record RefundIssued(OrderId orderId, RefundId refundId, String providerRefundId, Money amount, Money fromSeller,
        Money fromCommission, boolean transferReversed) {

}
