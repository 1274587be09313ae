package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider took the disputed amount from the platform's balance (held by the provider until the dispute ends) and
 * charged its dispute fee. Recorded once per dispute, and not after the dispute closed (a lost dispute's close already
 * took the amount from the balance).
 */
@Revision("1")
public record ProviderDisputeFundsWithdrawn(OrderId orderId, String disputeId, Money amount, Money fee) {

}
