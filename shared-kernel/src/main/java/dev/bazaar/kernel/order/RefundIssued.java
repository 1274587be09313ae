package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** The buyer got the refund back from the provider. */
@Revision("1")
public record RefundIssued(OrderId orderId, RefundId refundId, String providerRefundId, Money amount, Money fromSeller,
        Money fromCommission) {

}
