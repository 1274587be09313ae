package dev.bazaar.command.listing;

import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.kernel.problem.Violation;

import java.util.List;

/** A draft lacks what buyers need to see before it may be published. */
class ListingIncomplete extends Refusal {

    ListingIncomplete(List<Violation> missing) {
        super("listing-incomplete", 422, "The draft is not complete enough to publish.", missing);
    }

}
