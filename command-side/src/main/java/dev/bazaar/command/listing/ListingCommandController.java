package dev.bazaar.command.listing;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.command.web.MoneyBody;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.listing.ChangeListingPrice;
import dev.bazaar.kernel.listing.ChangeListingQuantity;
import dev.bazaar.kernel.listing.CloseListing;
import dev.bazaar.kernel.listing.CreateListing;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.PauseListing;
import dev.bazaar.kernel.listing.PublishListing;
import dev.bazaar.kernel.listing.ResumeListing;
import dev.bazaar.kernel.listing.UpdateListingDetails;
import dev.bazaar.kernel.organisation.OrganisationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Translates HTTP into listing commands; the aggregate decides. */
@RestController
@RequestMapping("/api/v1/listings")
class ListingCommandController {

    private final CommandSender commands;

    ListingCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> create(@Valid @RequestBody ListingBody body, Actor actor) {
        var id = ListingId.random();
        var command = new CreateListing(id, body.title(), body.description(), new CategoryId(body.categoryId()),
                body.price().toMoney(), body.quantity(), body.attributesOrEmpty(), body.imageUrlsOrEmpty(),
                body.organisationId() == null ? null : new OrganisationId(body.organisationId()));
        var accepted = commands.send(command, id.toString(), actor);
        return ResponseEntity.created(URI.create("/api/v1/listings/" + accepted.id())).body(accepted);
    }

    @PutMapping("/{id}")
    CommandAccepted updateDetails(@PathVariable UUID id, @Valid @RequestBody DetailsBody body,
            Actor actor) {
        var command = new UpdateListingDetails(new ListingId(id), body.title(), body.description(),
                new CategoryId(body.categoryId()), body.attributesOrEmpty(), body.imageUrlsOrEmpty());
        return commands.send(command, id.toString(), actor);
    }

    @PostMapping("/{id}/price")
    CommandAccepted changePrice(@PathVariable UUID id, @Valid @RequestBody PriceBody body,
            Actor actor) {
        return commands.send(new ChangeListingPrice(new ListingId(id), body.price().toMoney()), id.toString(), actor);
    }

    @PostMapping("/{id}/quantity")
    CommandAccepted changeQuantity(@PathVariable UUID id, @Valid @RequestBody QuantityBody body,
            Actor actor) {
        return commands.send(new ChangeListingQuantity(new ListingId(id), body.quantity()), id.toString(), actor);
    }

    @PostMapping("/{id}/publish")
    CommandAccepted publish(@PathVariable UUID id, Actor actor) {
        return commands.send(new PublishListing(new ListingId(id)), id.toString(), actor);
    }

    @PostMapping("/{id}/pause")
    CommandAccepted pause(@PathVariable UUID id, Actor actor) {
        return commands.send(new PauseListing(new ListingId(id)), id.toString(), actor);
    }

    @PostMapping("/{id}/resume")
    CommandAccepted resume(@PathVariable UUID id, Actor actor) {
        return commands.send(new ResumeListing(new ListingId(id)), id.toString(), actor);
    }

    @PostMapping("/{id}/close")
    CommandAccepted close(@PathVariable UUID id, Actor actor) {
        return commands.send(new CloseListing(new ListingId(id)), id.toString(), actor);
    }

    record ListingBody(
            @NotNull @Size(min = ListingRules.MIN_TITLE, max = ListingRules.MAX_TITLE) String title,
            @Size(max = ListingRules.MAX_DESCRIPTION) String description,
            @NotNull UUID categoryId,
            @NotNull @Valid MoneyBody price,
            @NotNull @PositiveOrZero Integer quantity,
            @Size(max = 50) Map<String, Object> attributes,
            @Size(max = ListingRules.MAX_IMAGES) List<@NotNull @Size(max = 2048) String> imageUrls,
            UUID organisationId) {

        Map<String, Object> attributesOrEmpty() {
            return attributes == null ? Map.of() : attributes;
        }

        List<String> imageUrlsOrEmpty() {
            return imageUrls == null ? List.of() : imageUrls;
        }

    }

    record DetailsBody(
            @NotNull @Size(min = ListingRules.MIN_TITLE, max = ListingRules.MAX_TITLE) String title,
            @Size(max = ListingRules.MAX_DESCRIPTION) String description,
            @NotNull UUID categoryId,
            @Size(max = 50) Map<String, Object> attributes,
            @Size(max = ListingRules.MAX_IMAGES) List<@NotNull @Size(max = 2048) String> imageUrls,
            UUID organisationId) {

        Map<String, Object> attributesOrEmpty() {
            return attributes == null ? Map.of() : attributes;
        }

        List<String> imageUrlsOrEmpty() {
            return imageUrls == null ? List.of() : imageUrls;
        }

    }

    record PriceBody(@NotNull @Valid MoneyBody price) {

    }

    record QuantityBody(@NotNull @PositiveOrZero Integer quantity) {

    }

}
