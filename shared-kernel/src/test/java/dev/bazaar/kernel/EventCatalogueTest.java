package dev.bazaar.kernel;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md is generated from the event records and their Javadoc; this test fails when it drifts.
 * Regenerate with {@code ./mvnw -pl shared-kernel test -Dtest=EventCatalogueTest -Dbazaar.docs.write=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCatalogueTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/bazaar/kernel");

    private static final Path CATALOGUE = Path.of("../docs/events.md");

    private static final Pattern EVENT = Pattern.compile(
            "/\\*\\*\\s*(.*?)\\s*\\*/\\s*@Revision\\(\"(\\w+)\"\\)\\s*"
                    + "public record (\\w+)\\((.*?)\\)\\s*\\{", Pattern.DOTALL);

    @Test
    void the_event_catalogue_in_docs_matches_the_event_records() throws IOException {
        String generated = catalogue();
        if (Boolean.getBoolean("bazaar.docs.write")) {
            Files.writeString(CATALOGUE, generated);
        }
        assertThat(Files.exists(CATALOGUE)).as("docs/events.md exists").isTrue();
        assertThat(Files.readString(CATALOGUE))
                .as("docs/events.md is stale: regenerate it (see this test's Javadoc)")
                .isEqualTo(generated);
    }

    static String catalogue() throws IOException {
        Map<String, List<String>> rowsByFeature = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher event = EVENT.matcher(Files.readString(file));
                if (!event.find()) {
                    continue;
                }
                String feature = SOURCES.relativize(file.getParent()).toString();
                // the first paragraph; the rest (revision history and the like) stays in the source
                String meaning = event.group(1).split("<p>")[0].replaceAll("\\s*\\*\\s*", " ")
                        .replaceAll("\\{@(code|link) ([^}]*)}", "`$2`").trim();
                String fields = event.group(4).replaceAll("\\s+", " ").trim();
                rowsByFeature.computeIfAbsent(feature, f -> new ArrayList<>()).add("| `" + event.group(3) + "` | "
                        + event.group(2) + " | `" + fields.replace("|", "\\|") + "` | " + meaning + " |");
            }
        }
        var out = new StringBuilder("""
                # Event catalogue

                Generated from the event records in `shared-kernel` (`dev.bazaar.kernel.<feature>`) and their
                Javadoc by `EventCatalogueTest`, which fails the build when this file drifts from the code. Every
                event is stored as JSON with its revision; its metadata carries `actorId`, `actorRole`,
                `correlationId` (one per HTTP request) and `causationId` (the command that caused it). Money is
                `{amountMinor, currency}`: integer minor units and an ISO 4217 code. Ids are UUID strings. A change
                of shape gets a new revision and an upcaster; stored events are never rewritten.
                """);
        rowsByFeature.forEach((feature, rows) -> {
            out.append("\n## ").append(feature)
                    .append("\n\n| event | revision | fields | meaning |\n|---|---|---|---|\n");
            rows.forEach(row -> out.append(row).append('\n'));
        });
        return out.toString();
    }

}
