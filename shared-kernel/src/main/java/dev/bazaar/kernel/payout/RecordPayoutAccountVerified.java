package dev.bazaar.kernel.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider reports the seller's onboarding complete: payouts may go to the account. */
public record RecordPayoutAccountVerified(@TargetAggregateIdentifier PayoutAccountId payoutAccountId,
        String providerAccountId) {

}
