package dev.bazaar.audit.chain;

import dev.bazaar.readmodel.audit.AuditKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bazaar.readmodel.audit.CheckpointKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * {@code ./bazaar verify}: the same verification as {@code GET /api/v1/audit/verify}, straight against PostgreSQL, so
 * an auditor can run it without the application (and without trusting it). The checkpoint key is the public key
 * published at {@code GET /api/v1/audit/chain} ({@code --public-key}), or the local signing key file. Exits 0 when
 * the history verifies, 1 when it diverges.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Verifies and prints the report; answers the exit code. */
    public static int run(String[] args, java.io.PrintStream out) throws Exception {
        String url = env("BAZAAR_DB_URL", "jdbc:postgresql://127.0.0.1:5432/bazaar");
        String user = env("BAZAAR_DB_USER", "bazaar");
        String password = env("BAZAAR_DB_PASSWORD", "bazaar");
        String publicKey = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db-url" -> url = args[i + 1];
                case "--public-key" -> publicKey = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (known: --db-url URL, --public-key BASE64)");
            }
        }
        CheckpointKey key = publicKey != null ? new CheckpointKey(null, AuditKeys.publicKeyFromX509(publicKey))
                : AuditKeys.fromPkcs8(localSigningKey());
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            var report = new ChainVerifier(key).verify(connection);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return "OK".equals(report.status()) ? 0 : 1;
        }
    }

    /** BAZAAR_AUDIT_SIGNING_KEY, or the key file in BAZAAR_KEY_DIR; never created here. */
    private static String localSigningKey() throws java.io.IOException {
        String fromEnvironment = System.getenv("BAZAAR_AUDIT_SIGNING_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = Path.of(env("BAZAAR_KEY_DIR", "var/keys")).resolve(AuditKeys.FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No checkpoint key: give --public-key, BAZAAR_AUDIT_SIGNING_KEY, or "
                    + "the key file " + file);
        }
        return Files.readString(file);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
