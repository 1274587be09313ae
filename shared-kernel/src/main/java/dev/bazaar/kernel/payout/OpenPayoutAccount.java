package dev.bazaar.kernel.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the connected account opened at the payment provider for a seller. */
public record OpenPayoutAccount(@TargetAggregateIdentifier PayoutAccountId payoutAccountId, String providerAccountId) {

}
