package dev.bazaar.stream.export;

import dev.bazaar.eventstore.rows.EventJson;
import dev.bazaar.eventstore.rows.StreamedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bazaar.eventstore.rows.EventRowQuery;
import dev.bazaar.eventstore.rows.StoredEvent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a range of the event stream to gzip NDJSON files for batch analytics ({@code events-<first>-<last>.ndjson.gz},
 * at most {@code perFile} events each) and a {@code manifest.json}: the range, the count, each file, and the audit
 * chain's digest at the last exported position, so the export can be checked against the platform's history later.
 * Only chained positions are exported (the stream's horizon); personal data is left out as in the stream.
 */
public final class BulkExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventJson events;

    public BulkExport(EventJson events) {
        this.events = events;
    }

    public record ExportedFile(String name, long firstPosition, long lastPosition, long events) {
    }

    public record Manifest(long after, long through, long events, String lastDigest, Instant exportedAt,
            List<ExportedFile> files) {
    }

    /** Events after {@code after} up to {@code through} (capped at the chain's head) into {@code folder}. */
    public Manifest export(Connection connection, long after, long through, Path folder, int perFile)
            throws SQLException, IOException {
        Files.createDirectories(folder);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<ExportedFile> files = new ArrayList<>();
        long count = 0;
        long last = after;
        byte[] lastDigest = null;
        try (PreparedStatement query = EventRowQuery.events()
                .alsoSelect("c.digest")
                .join("JOIN audit_chain c ON c.position = e.global_index AND c.position > ? AND c.position <= ?",
                        after, through)
                .positions(after, through)
                .prepare(connection, 5_000)) {
            try (ResultSet rows = query.executeQuery()) {
                Chunk chunk = null;
                while (rows.next()) {
                    StoredEvent stored = StoredEvent.read(rows);
                    lastDigest = rows.getBytes(EventRowQuery.EXTRA);
                    if (chunk == null) {
                        chunk = new Chunk(folder, stored.position());
                    }
                    chunk.write(events.toEvent(stored, lastDigest, EventJson.PersonalData.OMIT));
                    count++;
                    last = stored.position();
                    if (chunk.events == perFile) {
                        files.add(chunk.close(last));
                        chunk = null;
                    }
                }
                if (chunk != null) {
                    files.add(chunk.close(last));
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        var manifest = new Manifest(after, last, count, lastDigest == null ? null
                : HexFormat.of().formatHex(lastDigest), Instant.now(), files);
        JSON.copy().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValue(folder.resolve("manifest.json").toFile(), manifest);
        return manifest;
    }

    /** One file being written. */
    private static final class Chunk {

        private final Path folder;

        private final long first;

        private final Path partial;

        private final OutputStream out;

        private long events;

        Chunk(Path folder, long first) throws IOException {
            this.folder = folder;
            this.first = first;
            this.partial = folder.resolve("events-" + first + ".partial");
            this.out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024));
        }

        void write(StreamedEvent event) throws IOException {
            out.write(JSON.writeValueAsBytes(event));
            out.write('\n');
            events++;
        }

        /** Closes the file and gives it its final name: a crashed export never leaves a file that looks whole. */
        ExportedFile close(long last) throws IOException {
            out.close();
            String name = "events-" + first + "-" + last + ".ndjson.gz";
            Files.move(partial, folder.resolve(name));
            return new ExportedFile(name, first, last, events);
        }

    }

}
