package dev.bazaar.kernel.payout;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** A seller has a connected account at the payment provider; payouts wait until it is verified. */
@Revision("1")
public record PayoutAccountOpened(PayoutAccountId payoutAccountId, UserId sellerId, String providerAccountId) {

}
