package dev.bazaar.infra.stream;

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

    public static void main(String[] args) throws Exception {
        Path out = null;
        long after = 0;
        long through = Long.MAX_VALUE;
        int perFile = 100_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--after" -> after = Long.parseLong(args[i + 1]);
                case "--through" -> through = Long.parseLong(args[i + 1]);
                case "--per-file" -> perFile = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (known: --out DIR, --after N, --through N, --per-file N)");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        try (Connection connection = DriverManager.getConnection(env("BAZAAR_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/bazaar"), env("BAZAAR_DB_USER", "bazaar"),
                env("BAZAAR_DB_PASSWORD", "bazaar"))) {
            long started = System.nanoTime();
            var manifest = new BulkExport(EventJson.withoutKeys()).export(connection, after, through, out, perFile);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("exported %,d events (positions %d..%d) into %d files in %s in %.1f s (%,.0f events/s)"
                    + "; last chain digest %s%n", manifest.events(), manifest.after() + 1, manifest.through(),
                    manifest.files().size(), out, seconds, manifest.events() / seconds, manifest.lastDigest());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
