package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin settles a dispute: the buyer gets refundToBuyer (zero to all of it), the seller the rest. */
public record ResolveDispute(@TargetAggregateIdentifier OrderId orderId, Money refundToBuyer, String note) {

}
