package dev.bazaar.stream.export;

import dev.bazaar.eventstore.rows.EventJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * {@code ./bazaar export --out DIR [--after N] [--through N] [--per-file N]}: a range of the event stream as gzip
 * NDJSON files and a manifest, straight from PostgreSQL ({@code BAZAAR_DB_URL}, {@code BAZAAR_DB_USER},
 * {@code BAZAAR_DB_PASSWORD}); see {@link BulkExport}.
 */
public final class ExportCommand {

    private ExportCommand() {
    }

    /** What to export: positions after {@code after} through {@code through}, {@code perFile} events a file. */
    record Options(Path out, long after, long through, int perFile) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("export: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Connection connection = DriverManager.getConnection(env("BAZAAR_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/bazaar"), env("BAZAAR_DB_USER", "bazaar"),
                env("BAZAAR_DB_PASSWORD", "bazaar"))) {
            long started = System.nanoTime();
            var manifest = new BulkExport(EventJson.withoutKeys()).export(connection, options.after(),
                    options.through(), options.out(), options.perFile());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("exported %,d events (positions %d..%d) into %d files in %s in %.1f s (%,.0f events/s)"
                    + "; last chain digest %s%n", manifest.events(), manifest.after() + 1, manifest.through(),
                    manifest.files().size(), options.out(), seconds, manifest.events() / seconds,
                    manifest.lastDigest());
        }
    }

    static Options parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value: " + String.join(" ", args));
        }
        Path out = null;
        long after = 0;
        long through = Long.MAX_VALUE;
        int perFile = 100_000;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--out" -> out = Path.of(value);
                case "--after" -> after = number(args[i], value, 0);
                case "--through" -> through = number(args[i], value, 1);
                case "--per-file" -> perFile = (int) Math.min(Integer.MAX_VALUE, number(args[i], value, 1));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --out DIR, --after N, --through N, --per-file N)");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (through <= after) {
            throw new IllegalArgumentException("--through (" + through + ") must be after --after (" + after + ")");
        }
        return new Options(out, after, through, perFile);
    }

    private static long number(String option, String value, long least) {
        try {
            long number = Long.parseLong(value);
            if (number < least) {
                throw new IllegalArgumentException(option + " must be at least " + least + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
