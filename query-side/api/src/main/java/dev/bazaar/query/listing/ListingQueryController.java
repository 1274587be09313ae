package dev.bazaar.query.listing;

import dev.bazaar.kernel.listing.ListingStatus;
import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.kernel.problem.NotFound;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Reads listings. {@code consistentWith} waits for the read model to reach a command's position. */
@RestController
@RequestMapping("/api/v1/listings")
class ListingQueryController {

    private final ListingReader reader;

    private final ListingCache cache;

    private final ProjectionPositions positions;

    ListingQueryController(ListingReader reader, ListingCache cache, ProjectionPositions positions) {
        this.reader = reader;
        this.cache = cache;
        this.positions = positions;
    }

    @GetMapping("/{id}")
    ListingView listing(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long consistentWith) {
        if (consistentWith == null) {
            var cached = cache.get(id);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        else {
            positions.awaitPosition(ProjectionNames.LISTING_READ_MODEL, consistentWith);
        }
        var view = reader.find(id).orElseThrow(() -> new NotFound("listing", id));
        cache.put(view);
        return view;
    }

    @GetMapping
    ListingPage listings(@RequestParam(required = false) UUID seller,
            @RequestParam(required = false) UUID organisation, @RequestParam(required = false) UUID category,
            @RequestParam(required = false) ListingStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.LISTING_READ_MODEL, consistentWith);
        return reader.page(seller, organisation, category, status == null ? null : status.name(), page, size);
    }

}
