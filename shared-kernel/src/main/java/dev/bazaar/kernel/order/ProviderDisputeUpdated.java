package dev.bazaar.kernel.order;

import org.axonframework.serialization.Revision;

/** The provider's dispute moved to a new status (needs_response, under_review, warning_needs_response, ...). */
@Revision("1")
public record ProviderDisputeUpdated(OrderId orderId, String disputeId, String status) {

}
