package dev.bazaar.kernel.order;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The goods arrived, or the service was performed; the order completes by itself at completeBy.
 *
 * <p>Revision 2 adds {@code completionDeadline}, the id of the scheduled deadline that completes the order at
 * completeBy (see {@link OrderShipped}). Revision-1 events are upcast with it null.
 */
@Revision("2")
public record OrderDelivered(OrderId orderId, boolean service, Instant completeBy, String completionDeadline) {

}
