package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * A completed order holds money again (held: all it holds now): a refund the provider refused, or returned, after the
 * escrow was released. It stays held until an admin refunds it again; the reason says which refund.
 */
@Revision("1")
public record FundsHeldAfterCompletion(OrderId orderId, Money held, String reason) {

}
