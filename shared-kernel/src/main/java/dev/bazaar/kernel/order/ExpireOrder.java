package dev.bazaar.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The platform's acceptance sweep found the order past its acceptBy: expire it if it still awaits acceptance (sent
 * again, or after the seller accepted, it changes nothing).
 */
public record ExpireOrder(@TargetAggregateIdentifier OrderId orderId) {

}
