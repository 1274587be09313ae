package dev.bazaar.stream;

import dev.bazaar.eventstore.rows.EventTypes;
import dev.bazaar.eventstore.rows.UnknownEventType;
import dev.bazaar.kernel.listing.ListingPublished;
import dev.bazaar.kernel.order.OrderPlaced;
import dev.bazaar.kernel.problem.NotPermitted;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which event types a stream request reads: what it names, within what its API key allows. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamTypesTest {

    private static final EventTypes TYPES = new EventTypes();

    @Test
    void naming_no_type_reads_every_type() {
        assertThat(EventStreamController.storedTypes(null, Optional.empty(), TYPES)).isEmpty();
    }

    @Test
    void named_types_read_as_the_payload_types_the_store_records() {
        assertThat(EventStreamController.storedTypes(List.of("OrderPlaced", " ListingPublished "), Optional.empty(),
                TYPES)).containsExactly(OrderPlaced.class.getName(), ListingPublished.class.getName());
    }

    @Test
    void a_type_the_catalogue_does_not_have_is_refused_by_name() {
        assertThatThrownBy(() -> EventStreamController.storedTypes(List.of("OrderTeleported"), Optional.empty(),
                TYPES)).isInstanceOf(UnknownEventType.class)
                .satisfies(refusal -> assertThat(((UnknownEventType) refusal).violations().get(0).message())
                        .contains("OrderTeleported"));
    }

    @Test
    void an_api_key_naming_no_type_reads_its_keys_types_only() {
        assertThat(EventStreamController.storedTypes(null, Optional.of(Set.of("OrderPlaced")), TYPES))
                .containsExactly(OrderPlaced.class.getName());
    }

    @Test
    void an_api_key_reads_the_types_it_names_within_its_scope() {
        assertThat(EventStreamController.storedTypes(List.of("OrderPlaced"),
                Optional.of(Set.of("OrderPlaced", "ListingPublished")), TYPES))
                .containsExactly(OrderPlaced.class.getName());
    }

    @Test
    void an_api_key_naming_a_type_outside_its_scope_is_not_permitted_and_told_which() {
        assertThatThrownBy(() -> EventStreamController.storedTypes(List.of("OrderPlaced", "UserRegistered"),
                Optional.of(Set.of("OrderPlaced")), TYPES)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("not UserRegistered");
    }

}
