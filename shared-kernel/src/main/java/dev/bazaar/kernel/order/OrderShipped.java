package dev.bazaar.kernel.order;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The seller sent the goods; the order completes by itself at completeBy unless disputed. */
@Revision("1")
public record OrderShipped(OrderId orderId, String carrier, String trackingNumber, Instant completeBy) {

}
