package dev.bazaar.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.stream.export.BulkExport;
import dev.bazaar.eventstore.rows.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A range of the stream exported to gzip NDJSON files with a manifest an auditor can check against the chain. */
class BulkExportIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_range_is_written_to_gzip_ndjson_files_with_a_manifest_naming_the_chain_digest(@TempDir Path folder)
            throws Exception {
        long after = storedHead();
        for (int i = 0; i < 7; i++) {
            aCategory("Exported " + i);
        }
        long through = storedHead();
        awaitChainedThrough(through);

        BulkExport.Manifest manifest;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            manifest = new BulkExport(EventJson.withoutKeys()).export(connection, after, through, folder, 3);
        }

        List<Long> stored = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "AND global_index <= ? ORDER BY global_index", Long.class, after, through);
        List<Long> exported = new ArrayList<>();
        for (var file : manifest.files()) {
            exported.addAll(positionsIn(folder.resolve(file.name())));
        }
        assertThat(exported).isEqualTo(stored);
        assertThat(manifest.events()).isEqualTo(stored.size());
        assertThat(manifest.files()).hasSize((stored.size() + 2) / 3);
        assertThat(manifest.files()).allSatisfy(file -> assertThat(file.events()).isBetween(1L, 3L));
        assertThat(manifest.through()).isEqualTo(through);
        assertThat(manifest.lastDigest()).isEqualTo(HexFormat.of().formatHex(jdbc.queryForObject(
                "SELECT digest FROM audit_chain WHERE position = ?", byte[].class, through)));
        JsonNode written = JSON.readTree(folder.resolve("manifest.json").toFile());
        assertThat(written.get("events").asLong()).isEqualTo(stored.size());
        assertThat(written.get("lastDigest").asText()).isEqualTo(manifest.lastDigest());
        try (var names = Files.list(folder)) {
            assertThat(names.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    private static List<Long> positionsIn(Path file) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                positions.add(JSON.readTree(line).get("position").asLong());
            }
        }
        return positions;
    }

}
