package dev.bazaar.command.category;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.category.AttributeDefinition;
import dev.bazaar.kernel.category.AttributeType;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.category.CreateCategory;
import dev.bazaar.kernel.category.MoveCategory;
import dev.bazaar.kernel.category.RenameCategory;
import dev.bazaar.kernel.category.RetireCategory;
import dev.bazaar.kernel.identity.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Translates HTTP into category commands (admins only; the aggregate checks). */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryCommandController {

    private final CommandSender commands;

    CategoryCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> create(@Valid @RequestBody CategoryBody body, Actor actor) {
        var id = CategoryId.random();
        var attributes = body.attributes() == null ? List.<AttributeDefinition>of()
                : body.attributes().stream().map(AttributeBody::toDefinition).toList();
        var accepted = commands.send(new CreateCategory(id, body.name(),
                body.parentId() == null ? null : new CategoryId(body.parentId()), attributes), id.toString(), actor);
        return ResponseEntity.created(URI.create("/api/v1/categories/" + accepted.id())).body(accepted);
    }

    @PostMapping("/{id}/rename")
    CommandAccepted rename(@PathVariable UUID id, @Valid @RequestBody NameBody body, Actor actor) {
        return commands.send(new RenameCategory(new CategoryId(id), body.name()), id.toString(), actor);
    }

    @PostMapping("/{id}/move")
    CommandAccepted move(@PathVariable UUID id, @Valid @RequestBody ParentBody body, Actor actor) {
        return commands.send(new MoveCategory(new CategoryId(id),
                body.parentId() == null ? null : new CategoryId(body.parentId())), id.toString(), actor);
    }

    @PostMapping("/{id}/retire")
    CommandAccepted retire(@PathVariable UUID id, Actor actor) {
        return commands.send(new RetireCategory(new CategoryId(id)), id.toString(), actor);
    }

    record CategoryBody(@NotBlank @Size(max = CategoryRules.MAX_NAME_LENGTH) String name, UUID parentId,
            @Size(max = CategoryRules.MAX_ATTRIBUTES) List<@NotNull @Valid AttributeBody> attributes) {

    }

    record AttributeBody(@NotBlank @Size(max = 60) String name, @NotNull AttributeType type, boolean required,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> choices) {

        AttributeDefinition toDefinition() {
            return new AttributeDefinition(name, type, required, choices);
        }

    }

    record NameBody(@NotBlank @Size(max = CategoryRules.MAX_NAME_LENGTH) String name) {

    }

    /** {@code parentId} null moves the category to the root. */
    record ParentBody(UUID parentId) {

    }

}
