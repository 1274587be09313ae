package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** A refund was decided; fromSeller and fromCommission say who gives the money back once released. */
@Revision("1")
public record RefundRequested(OrderId orderId, RefundId refundId, Money amount, Money fromSeller, Money fromCommission,
        String reason) {

    /** What the refund takes from the money the order still holds, in minor units: the part no one else gives. */
    public long fromEscrowMinor() {
        return amount.amountMinor() - fromSeller.amountMinor() - fromCommission.amountMinor();
    }

}
