package dev.bazaar.kernel.payout;

import dev.bazaar.kernel.identity.UserId;
import org.axonframework.serialization.Revision;

/** The seller completed onboarding at the provider; payouts go to this account from now on. */
@Revision("1")
public record PayoutAccountVerified(PayoutAccountId payoutAccountId, UserId sellerId, String providerAccountId) {

}
