package dev.bazaar.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Found an organisation; the acting user becomes its first owner. */
public record CreateOrganisation(@TargetAggregateIdentifier OrganisationId organisationId, String name) {

}
