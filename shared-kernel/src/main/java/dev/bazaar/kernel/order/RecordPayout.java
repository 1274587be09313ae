package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider transferred the seller's share to the seller's connected account. */
public record RecordPayout(@TargetAggregateIdentifier OrderId orderId, String transferId, Money amount) {

}
