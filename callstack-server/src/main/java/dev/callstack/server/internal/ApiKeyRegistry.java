package dev.callstack.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The configured keys. Lookup digests the presented bytes and compares against every key's digest with
 * {@link MessageDigest#isEqual}, visiting all keys, so timing reveals neither which key nor how much of one matched.
 *
 * <p>Immutable and thread-safe.
 */
final class ApiKeyRegistry {
    private final List<ApiKey> keys;

    /**
     * The digest each lookup clones: {@code MessageDigest.getInstance} walks the security providers on every call,
     * which was about a twentieth of the event loop's time per authenticated request. In a holder so that a server
     * without keys ({@code --no-auth}), which never digests, never loads the providers either (about 60 classes).
     */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = newSha256();

        private Sha256() {
        }
    }

    private ApiKeyRegistry(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    static ApiKeyRegistry of(List<KeyEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        List<ApiKey> keys = new ArrayList<>(entries.size());
        for (KeyEntry entry : entries) {
            byte[] digest = sha256(entry.secret().getBytes(StandardCharsets.UTF_8));
            // The quota is counted under a digest of the digest: stable across restarts and reordering of the key
            // file, and the stored value lets nobody test guesses against the key's own digest.
            String quotaId = HexFormat.of().formatHex(sha256(digest), 0, 16);
            Caller caller = new Caller(keys.size() + 1, entry.privileges(), entry.smsPerDay(),
                    entry.recipientPrefixes(), quotaId);
            keys.add(new ApiKey(keys.size() + 1, digest, caller));
        }
        return new ApiKeyRegistry(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    int size() {
        return keys.size();
    }

    /** The key whose bytes equal {@code presented}, or {@code null}. */
    ApiKey find(byte[] presented) {
        byte[] digest = sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            boolean equal = MessageDigest.isEqual(key.digest(), digest);
            if (equal && found == null) {
                found = key;
            }
        }
        return found;
    }

    private static byte[] sha256(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException notCloneable) {
            digest = newSha256(); // a provider whose digests cannot be cloned
        }
        return digest.digest(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
