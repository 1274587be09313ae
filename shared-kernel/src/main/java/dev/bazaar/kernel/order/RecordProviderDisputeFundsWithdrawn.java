package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider took the disputed amount, and its dispute fee, from the platform's balance while the dispute runs.
 * Carries the dispute's reason too, because the provider may deliver this before the opening.
 */
public record RecordProviderDisputeFundsWithdrawn(@TargetAggregateIdentifier OrderId orderId, String disputeId,
        Money amount, Money fee, String reason) {

}
