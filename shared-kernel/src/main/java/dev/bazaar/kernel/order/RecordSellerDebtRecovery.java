package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider reversed the seller's debt from their transfer (attempt as requested). */
public record RecordSellerDebtRecovery(@TargetAggregateIdentifier OrderId orderId, int attempt,
        String providerReversalId) {

}
