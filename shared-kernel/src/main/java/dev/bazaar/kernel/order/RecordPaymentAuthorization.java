package dev.bazaar.kernel.order;

import dev.bazaar.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider authorised the buyer's payment (manual capture). */
public record RecordPaymentAuthorization(@TargetAggregateIdentifier OrderId orderId, String paymentIntentId,
        Money amount) {

}
