package dev.bazaar.kernel.listing;

import dev.bazaar.kernel.organisation.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * The listing belongs to the seller's organisation: the organisation's owners and managers may change it too.
 * Follows {@link ListingDrafted} in the same command, so that the drafted event's shape stays as it was.
 */
@Revision("1")
public record ListingAssignedToOrganisation(ListingId listingId, OrganisationId organisationId) {

}
