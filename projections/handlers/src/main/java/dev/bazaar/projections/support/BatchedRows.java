package dev.bazaar.projections.support;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies a batch of events to the read-model rows they touch with two statements instead of one per event: just
 * before the batch commits (same transaction as the token), the touched rows are loaded with one query, the events'
 * changes are applied in memory in order, and the rows are written back with one multi-row upsert. Each change carries
 * the event's aggregate sequence number, which becomes the row's version; a change at or below the stored version was
 * already applied and is skipped, so a replay changes nothing.
 * A batch whose write fails is retried event by event ({@link AtCommit}).
 *
 * @param <R> the row type (a generated jOOQ record)
 */
public final class BatchedRows<R extends UpdatableRecord<R>> {

    private final DSLContext sql;

    private final Table<R> table;

    private final TableField<R, UUID> id;

    private final TableField<R, Long> version;

    private final String resource;

    private final Consumer<List<R>> afterWrite;

    public BatchedRows(DSLContext sql, Table<R> table, TableField<R, UUID> id, TableField<R, Long> version) {
        this(sql, table, id, version, written -> {
        });
    }

    /** @param afterWrite gets the rows a batch changed, after they are written and before the batch commits */
    public BatchedRows(DSLContext sql, Table<R> table, TableField<R, UUID> id, TableField<R, Long> version,
            Consumer<List<R>> afterWrite) {
        this.sql = sql;
        this.table = table;
        this.id = id;
        this.version = version;
        this.resource = BatchedRows.class.getName() + "." + table.getName();
        this.afterWrite = afterWrite;
    }

    /** The row's first version: created unless it exists already. */
    public void create(UUID rowId, long atVersion, Supplier<R> newRow) {
        collect(rowId, new Change<>(atVersion, newRow, null));
    }

    /** A change to an existing row; ignored if the row is unknown (its creation was never seen). */
    public void change(UUID rowId, long atVersion, Consumer<R> change) {
        collect(rowId, new Change<>(atVersion, null, change));
    }

    private void collect(UUID rowId, Change<R> change) {
        AtCommit.collect(resource, LinkedHashMap<UUID, List<Change<R>>>::new, this::apply,
                changes -> changes.computeIfAbsent(rowId, key -> new ArrayList<>()).add(change));
    }

    /** One event's change to a row: a creation, or a change to an existing row, at the event's version. */
    record Change<R>(long version, Supplier<R> create, Consumer<R> change) {

    }

    private void apply(Map<UUID, List<Change<R>>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<UUID, R> rows = new HashMap<>();
        sql.selectFrom(table).where(id.in(changes.keySet())).forEach(row -> rows.put(row.get(id), row));
        Map<UUID, R> changed = merged(changes, rows, version);
        if (!changed.isEmpty()) {
            upsert(changed.values());
            afterWrite.accept(List.copyOf(changed.values()));
        }
    }

    /**
     * The rows the changes leave, in the order the rows were first changed, with each one's version the last change
     * applied to it; rows nothing was applied to are left out. Per row, in order: a change at or below the row's
     * version was applied already and is skipped; a creation of a row that exists, or a change of one that does not,
     * is skipped too (the creation's event was never seen, or is a redelivery).
     */
    static <R extends UpdatableRecord<R>> Map<UUID, R> merged(Map<UUID, List<Change<R>>> changes,
            Map<UUID, R> stored, TableField<R, Long> version) {
        Map<UUID, R> changed = new LinkedHashMap<>();
        changes.forEach((rowId, rowChanges) -> {
            R row = stored.get(rowId);
            for (Change<R> change : rowChanges) {
                if (row != null && change.version() <= row.get(version)) {
                    continue; // already applied
                }
                if (change.create() != null) {
                    if (row != null) {
                        continue;
                    }
                    row = change.create().get();
                }
                else if (row == null) {
                    continue;
                }
                else {
                    change.change().accept(row);
                }
                row.set(version, change.version());
                changed.put(rowId, row);
            }
        });
        return changed;
    }

    private void upsert(Iterable<R> rows) {
        var insert = sql.insertInto(table).columns(table.fields());
        for (R row : rows) {
            insert = insert.values(row.intoArray());
        }
        InsertOnDuplicateSetMoreStep<R> update = null;
        for (Field<?> field : table.fields()) {
            if (field.equals(id)) {
                continue;
            }
            update = update == null ? insert.onConflict(id).doUpdate().set(field, excluded(field))
                    : update.set(field, excluded(field));
        }
        if (update == null) {
            throw new IllegalStateException(table.getName() + " has nothing but its key to update");
        }
        update.execute();
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> excluded(Field<?> field) {
        return DSL.excluded((Field<T>) field);
    }

}
