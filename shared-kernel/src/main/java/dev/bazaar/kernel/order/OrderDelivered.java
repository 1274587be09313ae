package dev.bazaar.kernel.order;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The goods arrived, or the service was performed; the order completes by itself at completeBy. */
@Revision("1")
public record OrderDelivered(OrderId orderId, boolean service, Instant completeBy) {

}
