package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider closed its dispute. When lost, the disputed amount left the platform's balance: first from what the
 * order still held in escrow (fromEscrow), the rest at the platform's own cost (platformLoss).
 */
@Revision("1")
public record ProviderDisputeClosed(OrderId orderId, String disputeId, String status, Money fromEscrow,
        Money platformLoss) {

}
