package dev.bazaar.localstripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.localstripe.LocalStripe.Answer;
import dev.bazaar.localstripe.LocalStripe.KeptAnswer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the local Stripe's state on disk, so that stopping it (or a crash) does not strand orders paid through it: an
 * append-only file of JSON lines, one per object as a request left it and one per idempotency key with its answer.
 * Each request's lines are flushed to the operating system before it is answered. The file is also where the state
 * is read from: memory keeps only each object's and answer's place in it (a long: offset and length), so the heap
 * holds ids, not payments. On start the file is read (the last line of an object wins) and written again compacted,
 * without the idempotency keys older than a day.
 */
final class StripeJournal implements AutoCloseable {

    private static final byte[] OBJECT_START = "{\"object\":".getBytes(StandardCharsets.UTF_8);

    private static final byte[] OBJECT_END = "}\n".getBytes(StandardCharsets.UTF_8);

    /** Lengths of a place: up to 16 MB a line, offsets up to a terabyte. */
    private static final int LENGTH_BITS = 24;

    private final OutputStream out;

    private final FileChannel in;

    /** The file's length with what is still buffered: where the next line starts. */
    private long end;

    private StripeJournal(OutputStream out, FileChannel in, long end) {
        this.out = out;
        this.in = in;
        this.end = end;
    }

    /**
     * Reads the file, rewrites it compacted, and opens it for appending; gives the places of the objects it holds
     * (in {@code objects}) and their answers to the idempotency keys still alive (in {@code answers}).
     */
    static StripeJournal open(Path file, Map<String, Long> objects, Map<String, KeptAnswer> answers) {
        try {
            Map<String, Long> lastObjectLines = new LinkedHashMap<>();
            Map<String, KeptAnswer> lastAnswerLines = new LinkedHashMap<>();
            if (Files.exists(file)) {
                scan(file, lastObjectLines, lastAnswerLines);
            }
            Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(compacted);
            try (var old = Files.exists(file) ? FileChannel.open(file, StandardOpenOption.READ) : null;
                    var copy = StripeJournal.at(compacted)) {
                for (var line : lastObjectLines.entrySet()) {
                    String text = read(old, line.getValue());
                    objects.put(line.getKey(), copy.object(text.substring(OBJECT_START.length, text.length() - 1)));
                }
                for (var line : lastAnswerLines.entrySet()) {
                    long place = copy.line(read(old, line.getValue().place()));
                    answers.put(line.getKey(), KeptAnswer.inFile(place, line.getValue().at()));
                }
            }
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return StripeJournal.at(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local Stripe's state in " + file, e);
        }
    }

    private static StripeJournal at(Path file) throws IOException {
        long length = Files.exists(file) ? Files.size(file) : 0;
        var out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 64 * 1024);
        return new StripeJournal(out, FileChannel.open(file, StandardOpenOption.READ), length);
    }

    /** The place of each object's last line and of each live key's last answer line, by byte offset. */
    private static void scan(Path file, Map<String, Long> objects, Map<String, KeptAnswer> answers)
            throws IOException {
        Instant now = Instant.now();
        try (InputStream lines = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            var line = new ByteArrayOutputStream();
            int next;
            do {
                next = lines.read();
                if (next != '\n' && next != -1) {
                    line.write(next);
                    continue;
                }
                int length = line.size();
                if (length > 0) {
                    remember(line.toString(StandardCharsets.UTF_8), place(offset, length), now, objects, answers);
                }
                offset += length + (next == '\n' ? 1 : 0);
                line.reset();
            } while (next != -1);
        }
    }

    private static void remember(String line, long place, Instant now, Map<String, Long> objects,
            Map<String, KeptAnswer> answers) {
        try {
            JsonNode entry = LocalStripe.JSON.readTree(line);
            if (entry.has("object")) {
                objects.put(entry.get("object").get("id").asText(), place);
                return;
            }
            // lines written before keys expired have no time: kept as if given now
            Instant at = entry.hasNonNull("at") ? Instant.parse(entry.get("at").asText()) : now;
            var kept = KeptAnswer.inFile(place, at);
            String key = entry.get("idempotencyKey").asText();
            if (kept.expired(now)) {
                answers.remove(key);
            }
            else {
                answers.put(key, kept);
            }
        }
        catch (IOException | RuntimeException e) {
            // a line cut short by a crash while it was written: everything before it is whole
            System.err.println("Local Stripe: skipping an unreadable line of its state file: " + e.getMessage());
        }
    }

    /** Appends an object's JSON text; answers the place of that text in the file. */
    synchronized long object(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long start = end + OBJECT_START.length;
        write(OBJECT_START);
        write(bytes);
        write(OBJECT_END);
        return place(start, bytes.length);
    }

    /** Appends the answer given to an idempotency key; answers the place of its line. */
    synchronized long answer(String idempotencyKey, KeptAnswer kept) {
        Answer answer = kept.answer();
        ObjectNode entry = LocalStripe.JSON.createObjectNode();
        entry.put("idempotencyKey", idempotencyKey);
        entry.put("at", kept.at().toString());
        ObjectNode saved = entry.putObject("answer");
        saved.put("status", answer.status());
        saved.put("body", answer.body());
        saved.put("contentType", answer.contentType());
        long place = line(entry.toString());
        flush();
        return place;
    }

    /** The answer kept at this place (an answer line). */
    Answer answerAt(long place) {
        try {
            JsonNode answer = LocalStripe.JSON.readTree(read(place)).get("answer");
            return new Answer(answer.get("status").asInt(), answer.get("body").asText(),
                    answer.get("contentType").asText());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at this place. */
    synchronized String read(long place) {
        flush();
        return read(in, place);
    }

    private static String read(FileChannel file, long place) {
        var buffer = ByteBuffer.allocate((int) (place & ((1L << LENGTH_BITS) - 1)));
        long offset = place >>> LENGTH_BITS;
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("the state file ends before " + (offset + buffer.capacity()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    private synchronized long line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long start = end;
        write(bytes);
        write(new byte[] {'\n'});
        return place(start, bytes.length);
    }

    private static long place(long offset, int length) {
        if (length >= 1 << LENGTH_BITS) {
            throw new IllegalArgumentException("a line of " + length + " bytes is too long for the state file");
        }
        return offset << LENGTH_BITS | length;
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            end += bytes.length;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was appended, handed to the operating system (each request's changes, before it is answered). */
    synchronized void flush() {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try (in) {
            out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
