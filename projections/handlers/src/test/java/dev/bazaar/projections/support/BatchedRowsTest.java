package dev.bazaar.projections.support;

import dev.bazaar.projections.support.BatchedRows.Change;
import dev.bazaar.readmodel.jooq.tables.records.CategoryViewRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bazaar.readmodel.jooq.Tables.CATEGORY_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

/** How a batch's changes land on the rows it loaded: the part of {@link BatchedRows} that needs no database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchedRowsTest {

    /** Records made without a connection: jOOQ needs one only to run statements. */
    private static final DSLContext OFFLINE = DSL.using(SQLDialect.POSTGRES);

    private static final UUID LAMPS = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static final UUID CHAIRS = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void a_row_created_and_changed_in_one_batch_is_written_once_at_its_last_version() {
        var changed = BatchedRows.merged(changes(LAMPS, created(0, "Lamps"), renamed(1, "Desk lamps")), Map.of(),
                CATEGORY_VIEW.VERSION);

        assertThat(changed).containsOnlyKeys(LAMPS);
        assertThat(changed.get(LAMPS).getName()).isEqualTo("Desk lamps");
        assertThat(changed.get(LAMPS).getVersion()).isEqualTo(1);
    }

    @Test
    void a_change_at_or_below_the_stored_version_was_applied_already_and_is_skipped() {
        var stored = Map.of(LAMPS, row(LAMPS, "Lamps", 3));

        var changed = BatchedRows.merged(changes(LAMPS, renamed(2, "Old"), renamed(3, "Same")), stored,
                CATEGORY_VIEW.VERSION);

        assertThat(changed).as("a redelivery changes nothing").isEmpty();
        assertThat(stored.get(LAMPS).getName()).isEqualTo("Lamps");
    }

    @Test
    void only_the_changes_past_the_stored_version_apply_in_order() {
        var stored = Map.of(LAMPS, row(LAMPS, "Lamps", 1));

        var changed = BatchedRows.merged(changes(LAMPS, renamed(1, "Redelivered"), renamed(2, "Lighting"),
                renamed(3, "Lights")), stored, CATEGORY_VIEW.VERSION);

        assertThat(changed.get(LAMPS).getName()).isEqualTo("Lights");
        assertThat(changed.get(LAMPS).getVersion()).isEqualTo(3);
    }

    @Test
    void a_creation_of_a_row_that_exists_is_skipped_and_its_later_changes_still_apply() {
        var stored = Map.of(LAMPS, row(LAMPS, "Lamps", 0));

        var changed = BatchedRows.merged(changes(LAMPS, created(0, "Again"), renamed(1, "Lighting")), stored,
                CATEGORY_VIEW.VERSION);

        assertThat(changed.get(LAMPS).getName()).isEqualTo("Lighting");
    }

    @Test
    void a_change_to_a_row_whose_creation_was_never_seen_is_ignored() {
        var changed = BatchedRows.merged(changes(CHAIRS, renamed(4, "Chairs")), Map.of(), CATEGORY_VIEW.VERSION);

        assertThat(changed).isEmpty();
    }

    @Test
    void rows_are_written_in_the_order_the_batch_first_changed_them() {
        Map<UUID, List<Change<CategoryViewRecord>>> changes = new LinkedHashMap<>();
        changes.put(CHAIRS, List.of(created(0, "Chairs")));
        changes.put(LAMPS, List.of(created(0, "Lamps")));

        assertThat(BatchedRows.merged(changes, Map.of(), CATEGORY_VIEW.VERSION).keySet())
                .containsExactly(CHAIRS, LAMPS);
    }

    @SafeVarargs
    private static Map<UUID, List<Change<CategoryViewRecord>>> changes(UUID id,
            Change<CategoryViewRecord>... changes) {
        Map<UUID, List<Change<CategoryViewRecord>>> all = new LinkedHashMap<>();
        all.put(id, List.of(changes));
        return all;
    }

    private static Change<CategoryViewRecord> created(long version, String name) {
        return new Change<>(version, () -> row(UUID.randomUUID(), name, version), null);
    }

    private static Change<CategoryViewRecord> renamed(long version, String name) {
        return new Change<>(version, null, row -> row.setName(name));
    }

    private static CategoryViewRecord row(UUID id, String name, long version) {
        var row = OFFLINE.newRecord(CATEGORY_VIEW);
        row.setCategoryId(id);
        row.setName(name);
        row.setVersion(version);
        return row;
    }

}
