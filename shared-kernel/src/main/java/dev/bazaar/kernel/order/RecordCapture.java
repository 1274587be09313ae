package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider captured the authorised payment into the platform's balance, keeping providerFee of it. */
public record RecordCapture(@TargetAggregateIdentifier OrderId orderId, String paymentIntentId, Money amount,
        Money providerFee) {

}
