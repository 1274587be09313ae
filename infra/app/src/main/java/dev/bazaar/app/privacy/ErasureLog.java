package dev.bazaar.app.privacy;

import dev.bazaar.kernel.identity.UserId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every user whose key was shredded, one line each ({@code <instant> <user id>}), written to disk before the key's
 * deletion commits. A database restored to an instant before a forget holds the key again; the restore re-applies
 * this log ({@code RestoreCheck}), so forgotten stays forgotten. It lives beside the master key, which backups of the
 * database do not contain either. A line whose forget then rolled back only means the user is forgotten again by
 * a restore: they had asked for it.
 */
public final class ErasureLog {

    static final String FILE = "erasures.log";

    private final Path file;

    public ErasureLog(Path file) {
        this.file = file;
    }

    /** Appends the user, synchronously on disk. */
    public synchronized void record(UserId subject) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Instant.now() + " " + subject.value() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not append to the erasure log " + file, e);
        }
    }

    /** Every user in the log, with the first time they were forgotten; none if there is no log. */
    public Map<UUID, Instant> read() {
        Map<UUID, Instant> forgotten = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return forgotten;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    forgotten.putIfAbsent(UUID.fromString(parts[1]), Instant.parse(parts[0]));
                }
            }
            return forgotten;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read the erasure log " + file, e);
        }
    }

}
