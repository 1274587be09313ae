package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The provider refused the reversal again; the seller still owes it, and an admin may ask again later. */
@Revision("1")
public record SellerDebtRecoveryFailed(OrderId orderId, int attempt, String reason) {

}
