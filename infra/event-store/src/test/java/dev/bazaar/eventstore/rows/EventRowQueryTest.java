package dev.bazaar.eventstore.rows;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventRowQueryTest {

    @Test
    void every_stored_event_in_position_order() {
        var query = EventRowQuery.events();

        assertThat(query.sql()).startsWith("SELECT e.global_index, e.event_identifier").contains(
                "FROM domain_event_entry e").endsWith("ORDER BY e.global_index");
        assertThat(query.arguments()).isEmpty();
    }

    @Test
    void joined_columns_come_after_the_rows_and_arguments_follow_the_sql_in_order() {
        var query = EventRowQuery.events()
                .alsoSelect("c.digest")
                .join("JOIN audit_chain c ON c.position = e.global_index AND c.position > ?", 10L)
                .positions(10, 20)
                .ofPayloadTypes(Set.of("dev.bazaar.kernel.order.OrderPlaced"))
                .ofAggregateType("Order")
                .limit(5);

        String sql = query.sql();
        assertThat(sql).contains("e.meta_data, c.digest FROM").contains(
                "WHERE e.global_index > ? AND e.global_index <= ? AND e.payload_type = ANY (?) AND e.type = ?")
                .endsWith("LIMIT ?");
        assertThat(sql.indexOf("JOIN audit_chain")).isLessThan(sql.indexOf("WHERE"));
        assertThat(query.arguments()).hasSize(6).startsWith(10L, 10L, 20L).endsWith("Order", 5);
    }

    @Test
    void no_filter_is_added_for_what_was_not_asked() {
        var query = EventRowQuery.events().ofPayloadTypes(Set.of()).ofAggregateType(null);

        assertThat(query.sql()).doesNotContain("WHERE");
    }

    @Test
    void one_aggregate_reads_in_its_own_sequence() {
        var query = EventRowQuery.events().ofAggregate("Listing", "listing-1");

        assertThat(query.sql()).contains("WHERE e.aggregate_identifier = ? AND e.type = ?")
                .endsWith("ORDER BY e.sequence_number");
        assertThat(query.arguments()).containsExactly("listing-1", "Listing");
    }

}
