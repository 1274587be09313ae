package dev.bazaar.kernel.order;

import dev.bazaar.kernel.identity.UserId;
import dev.bazaar.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** A failed payout is to be tried again; attempt numbers the tries (the first, after EscrowReleased, is 1). */
@Revision("1")
public record PayoutRequested(OrderId orderId, UserId sellerId, Money amount, int attempt) {

}
