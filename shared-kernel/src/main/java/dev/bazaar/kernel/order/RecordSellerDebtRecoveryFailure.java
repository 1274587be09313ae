package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused to reverse the seller's debt again (attempt as requested); it stays owed. */
public record RecordSellerDebtRecoveryFailure(@TargetAggregateIdentifier OrderId orderId, int attempt,
        String reason) {

}
