package dev.bazaar.stream.apikey;

import dev.bazaar.eventstore.rows.EventTypes;
import dev.bazaar.eventstore.rows.UnknownEventType;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.problem.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Admins make API keys for analytics pipelines, each for a set of event types, list them and revoke them. */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
class ApiKeyAdminController {

    private final ApiKeys keys;

    private final EventTypes types;

    ApiKeyAdminController(ApiKeys keys, EventTypes types) {
        this.keys = keys;
        this.types = types;
    }

    record NewKey(@NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 200) List<@NotBlank String> eventTypes) {
    }

    record IssuedKey(UUID id, String name, Set<String> eventTypes, Instant createdAt, String key) {
    }

    @PostMapping
    ResponseEntity<IssuedKey> issue(@Valid @RequestBody NewKey request, Actor actor) {
        Set<String> scope = new LinkedHashSet<>();
        for (String name : request.eventTypes()) {
            if (types.bySimpleName(name.trim()).isEmpty()) {
                throw new UnknownEventType("eventTypes", name.trim());
            }
            scope.add(name.trim());
        }
        var issued = keys.issue(request.name().trim(), scope, actor.id());
        var key = issued.apiKey();
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(key.id(), key.name(), key.eventTypes(),
                key.createdAt(), issued.key()));
    }

    @GetMapping
    List<ApiKeys.ApiKey> all() {
        return keys.all();
    }

    /** Revoked at once: the next request with the key is refused. Revoking twice changes nothing. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!keys.exists(id)) {
            throw new NotFound("API key", id);
        }
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

}
