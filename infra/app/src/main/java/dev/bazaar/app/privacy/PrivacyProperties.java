package dev.bazaar.app.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * This installation's keys ({@code bazaar.privacy.*}; runbook in docs/security.md).
 *
 * @param keyDir            the folder of the master keyset, the email index key and the audit signing key
 * @param masterKeyset      the master keyset itself (Tink JSON) instead of its file
 * @param emailIndexKey     the email index key itself (base64) instead of its file
 * @param createMissingKeys create missing key files on start: a development machine only
 * @param erasureLog        the file every forgotten user is appended to, kept outside the database and its backups
 *                          so that a restore can forget them again; empty: {@code erasures.log} in the key folder
 */
@ConfigurationProperties("bazaar.privacy")
public record PrivacyProperties(@DefaultValue("var/keys") Path keyDir, @DefaultValue("") String masterKeyset,
        @DefaultValue("") String emailIndexKey, @DefaultValue("true") boolean createMissingKeys,
        @DefaultValue("") String erasureLog) {

    /** Where the erasure log is. */
    public Path erasureLogFile() {
        return erasureLog.isBlank() ? keyDir.resolve(ErasureLog.FILE) : Path.of(erasureLog);
    }
}
