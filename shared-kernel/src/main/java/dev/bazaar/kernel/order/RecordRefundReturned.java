package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider reports that a refund it had made could not reach the buyer after all (a closed or lost card, say)
 * and that its amount is back in the platform's balance.
 */
public record RecordRefundReturned(@TargetAggregateIdentifier OrderId orderId, String providerRefundId,
        String reason) {

}
