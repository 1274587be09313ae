package dev.bazaar.projections.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event store exactly as stored, and its canonical bytes: every column, each length-prefixed, in a
 * fixed order, so that no two different rows share the same bytes. Payload and metadata are hashed as the stored bytes
 * (no re-serialisation, which could hide or invent a difference).
 */
public record StoredEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
        String aggregateType, String timestamp, String payloadType, String payloadRevision, byte[] payload,
        byte[] metaData) {

    /** The columns, in the order {@link #read} expects them. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** {@link #COLUMNS} of a table aliased {@code alias} in a join. */
    public static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static final byte EVENT = 'E';

    private static final byte GAP = 'G';

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
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
