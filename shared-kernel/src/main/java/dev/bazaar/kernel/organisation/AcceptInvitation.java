package dev.bazaar.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The acting user accepts their pending invitation. */
public record AcceptInvitation(@TargetAggregateIdentifier OrganisationId organisationId) {

}
