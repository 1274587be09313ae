package dev.bazaar.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-model table and its twin, {@code <table>_next}, built beside it by a rebuild. The twin starts with the live
 * table's columns, defaults and checks, and its primary and unique keys (the projections' upserts need them); its other
 * indexes are built once the replay has caught up, which is faster than maintaining them row by row. When switched
 * in, the twin and its keys and indexes take the live names, so later migrations find what they expect.
 */
record ShadowTable(String live, List<Definition> keys, List<Definition> indexes) {

    private static final Pattern INDEX = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )\\S+( ON (?:ONLY )?)\\S+( .*)$");

    /** A key or index: its live name and the statement that creates its twin. */
    record Definition(String name, String createTwin) {

    }

    static ShadowTable of(String live, JdbcTemplate jdbc) {
        String next = twinName(live);
        List<Definition> keys = jdbc.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname",
                (row, i) -> new Definition(row.getString(1), "ALTER TABLE " + quote(next) + " ADD CONSTRAINT "
                        + quote(twinName(row.getString(1))) + " " + row.getString(2)), live);
        List<Definition> indexes = new ArrayList<>();
        jdbc.query("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname",
                (RowCallbackHandler) row -> indexes.add(twinIndex(row.getString(1), row.getString(2), next)), live);
        return new ShadowTable(live, List.copyOf(keys), List.copyOf(indexes));
    }

    /** The twin of an index as PostgreSQL defines it ({@code pg_get_indexdef}): its twin's name, on the twin table. */
    static Definition twinIndex(String name, String definition, String twinTable) {
        Matcher index = INDEX.matcher(definition);
        if (!index.matches()) {
            throw new IllegalStateException("Unexpected index definition: " + definition);
        }
        return new Definition(name, index.group(1) + quote(twinName(name)) + index.group(2) + quote(twinTable)
                + index.group(3));
    }

    String next() {
        return twinName(live);
    }

    /** Drops a twin left by an earlier rebuild that did not finish, and creates an empty one with the keys. */
    void create(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS " + quote(next()));
        jdbc.execute("CREATE TABLE " + quote(next()) + " (LIKE " + quote(live)
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE)");
        keys.forEach(key -> jdbc.execute(key.createTwin()));
    }

    /** Builds the twin's other indexes and its planner statistics. */
    void index(JdbcTemplate jdbc) {
        indexes.forEach(index -> jdbc.execute(index.createTwin()));
        jdbc.execute("ANALYZE " + quote(next()));
    }

    /** Drops the live table and gives the twin its name (inside the switching transaction). */
    void switchIn(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE " + quote(live));
        jdbc.execute("ALTER TABLE " + quote(next()) + " RENAME TO " + quote(live));
        keys.forEach(key -> jdbc.execute("ALTER TABLE " + quote(live) + " RENAME CONSTRAINT "
                + quote(twinName(key.name())) + " TO " + quote(key.name())));
        indexes.forEach(index -> jdbc.execute("ALTER INDEX " + quote(twinName(index.name())) + " RENAME TO "
                + quote(index.name())));
    }

    void discard(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS " + quote(next()));
    }

    /** PostgreSQL names are at most 63 bytes; ours are short, but a long one must not collide after truncation. */
    static String twinName(String name) {
        String suffix = "_next";
        return (name.length() + suffix.length() > 63 ? name.substring(0, 63 - suffix.length()) : name) + suffix;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

}
