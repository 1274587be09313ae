package dev.bazaar.query.search;

import dev.bazaar.readmodel.ProjectionNames;
import dev.bazaar.readmodel.position.ProjectionPositions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Searches published listings. */
@RestController
@RequestMapping("/api/v1/search")
class SearchQueryController {

    private final ListingSearch search;

    private final ProjectionPositions positions;

    SearchQueryController(ListingSearch search, ProjectionPositions positions) {
        this.search = search;
        this.positions = positions;
    }

    @GetMapping("/listings")
    SearchResults listings(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) UUID category,
            @RequestParam(required = false) @Min(0) Long minPrice,
            @RequestParam(required = false) @Min(0) Long maxPrice,
            @RequestParam(defaultValue = "0") @Min(0) @Max(500) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Min(0) Long consistentWith) {
        positions.awaitPosition(ProjectionNames.LISTING_SEARCH, consistentWith);
        return search.search(q, category, minPrice, maxPrice, page, size);
    }

}
