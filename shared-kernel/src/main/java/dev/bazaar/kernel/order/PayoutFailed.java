package dev.bazaar.kernel.order;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** The transfer to the seller failed; the amount stays owed to the seller (available balance). */
@Revision("1")
public record PayoutFailed(OrderId orderId, UserId sellerId, String reason) {

}
