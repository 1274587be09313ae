package dev.bazaar.kernel.order;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The seller sent the goods; the order completes by itself at completeBy unless disputed.
 *
 * <p>Revision 2 adds {@code completionDeadline}, the id of the scheduled deadline that completes the order at
 * completeBy, so a later delivery, the buyer's confirmation or a dispute's resolution can remove it. Revision-1
 * events are upcast with it null.
 */
@Revision("2")
public record OrderShipped(OrderId orderId, String carrier, String trackingNumber, Instant completeBy,
        String completionDeadline) {

}
