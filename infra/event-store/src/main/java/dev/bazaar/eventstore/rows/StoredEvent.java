package dev.bazaar.eventstore.rows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.eventstore.evolution.JsonUpcaster;
import dev.bazaar.eventstore.evolution.Upcasters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One row of the event store exactly as stored, and its canonical bytes: every column, each length-prefixed, in a
 * fixed order, so that no two different rows share the same bytes. Payload and metadata are hashed as the stored bytes
 * (no re-serialisation, which could hide or invent a difference).
 */
public record StoredEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
        String aggregateType, String timestamp, String payloadType, String payloadRevision, byte[] payload,
        byte[] metaData) {

    /** The columns, in the order {@link #read} expects them. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** {@link #COLUMNS} of a table aliased {@code alias} in a join. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte EVENT = 'E';

    private static final byte GAP = 'G';

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }

    /**
     * The row with its payload and revision brought to the current revision of its event type (this same row if it
     * is), by the upcasters Axon's readers use too (docs/event-evolution.md).
     */
    public StoredEvent inCurrentRevision() {
        Optional<JsonUpcaster> next = Upcasters.next(payloadType, payloadRevision);
        if (next.isEmpty()) {
            return this;
        }
        try {
            ObjectNode upcast = (ObjectNode) JSON.readTree(payload);
            String revision = payloadRevision;
            for (; next.isPresent(); next = Upcasters.next(payloadType, revision)) {
                upcast = next.get().upcast(upcast);
                revision = next.get().toRevision();
            }
            return new StoredEvent(position, eventIdentifier, aggregateIdentifier, sequenceNumber, aggregateType,
                    timestamp, payloadType, revision, JSON.writeValueAsBytes(upcast), metaData);
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("Event at position " + position + " cannot be upcast",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    public byte[] canonicalBytes() {
        var out = new ByteArrayOutputStream(64 + payload.length + (metaData == null ? 0 : metaData.length));
        out.write(EVENT);
        putLong(out, position);
        putText(out, eventIdentifier);
        putText(out, aggregateIdentifier);
        putLong(out, sequenceNumber);
        putText(out, aggregateType);
        putText(out, timestamp);
        putText(out, payloadType);
        putText(out, payloadRevision);
        putBytes(out, payload);
        putBytes(out, metaData);
        return out.toByteArray();
    }

    /** The canonical bytes of a position that no committed event will ever hold. */
    public static byte[] gapBytes(long position) {
        var out = new ByteArrayOutputStream(9);
        out.write(GAP);
        putLong(out, position);
        return out.toByteArray();
    }

    private static void putText(ByteArrayOutputStream out, String text) {
        putBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Length -1 for SQL NULL, so that NULL and empty differ. */
    private static void putBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }

    private static void putLong(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

}
