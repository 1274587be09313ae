package dev.bazaar.infra.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.infra.stripe.LocalStripe.Answer;
import dev.bazaar.infra.stripe.LocalStripe.KeptAnswer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Keeps the local Stripe's state on disk, so that stopping it (or a crash) does not strand orders paid through it: an
 * append-only file of JSON lines, one per object as a request left it and one per idempotency key with its answer.
 * Each request's lines are flushed to the operating system before it is answered. On start the file is read (the last
 * line of an object wins) and written again compacted, without the idempotency keys older than a day.
 */
final class StripeJournal implements AutoCloseable {

    private final BufferedWriter out;

    private StripeJournal(BufferedWriter out) {
        this.out = out;
    }

    /** Loads what the file holds into the maps, rewrites it compacted, and opens it for appending. */
    static StripeJournal open(Path file, Map<String, String> objects, Map<String, KeptAnswer> answers) {
        try {
            if (Files.exists(file)) {
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.filter(line -> !line.isBlank()).forEach(line -> load(line, objects, answers));
                }
            }
            Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
            try (var writer = Files.newBufferedWriter(compacted, StandardCharsets.UTF_8)) {
                var journal = new StripeJournal(writer);
                journal.objects(objects, objects.keySet());
                answers.forEach(journal::answer);
            }
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new StripeJournal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local Stripe's state in " + file, e);
        }
    }

    private static void load(String line, Map<String, String> objects, Map<String, KeptAnswer> answers) {
        try {
            JsonNode entry = LocalStripe.JSON.readTree(line);
            if (entry.has("object")) {
                ObjectNode object = (ObjectNode) entry.get("object");
                objects.put(object.get("id").asText(), object.toString());
            }
            else {
                JsonNode answer = entry.get("answer");
                // lines written before keys expired have no time: kept as if given now
                Instant at = entry.hasNonNull("at") ? Instant.parse(entry.get("at").asText()) : Instant.now();
                var kept = new KeptAnswer(new Answer(answer.get("status").asInt(), answer.get("body").asText(),
                        answer.get("contentType").asText()), at);
                if (kept.expired(Instant.now())) {
                    answers.remove(entry.get("idempotencyKey").asText());
                }
                else {
                    answers.put(entry.get("idempotencyKey").asText(), kept);
                }
            }
        }
        catch (IOException e) {
            // a line cut short by a crash while it was written: everything before it is whole
            System.err.println("Local Stripe: skipping an unreadable line of its state file: " + e.getMessage());
        }
    }

    /** The objects with these ids, as the JSON text they are kept in. */
    synchronized void objects(Map<String, String> objects, Collection<String> ids) {
        for (String id : ids) {
            write("{\"object\":" + objects.get(id) + "}");
        }
        flush();
    }

    synchronized void answer(String idempotencyKey, KeptAnswer kept) {
        Answer answer = kept.answer();
        ObjectNode entry = LocalStripe.JSON.createObjectNode();
        entry.put("idempotencyKey", idempotencyKey);
        entry.put("at", kept.at().toString());
        ObjectNode saved = entry.putObject("answer");
        saved.put("status", answer.status());
        saved.put("body", answer.body());
        saved.put("contentType", answer.contentType());
        write(entry.toString());
        flush();
    }

    private void write(String line) {
        try {
            out.write(line);
            out.newLine();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
