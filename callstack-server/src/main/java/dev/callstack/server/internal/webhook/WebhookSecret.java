package dev.callstack.server.internal.webhook;

import dev.callstack.server.internal.RandomBytes;
import java.util.Base64;

/**
 * Standard Webhooks secrets: {@code whsec_} followed by the base64 of the key bytes; the HMAC key is the decoded
 * part. Messages never contain the secret.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebhookSecret {
    /** The prefix the specification gives secrets. */
    public static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    /** Shorter keys than this are refused: an HMAC key should not be guessable. */
    private static final int MIN_KEY_BYTES = 16;

    private WebhookSecret() {
    }

    /**
     * A new random secret.
     *
     * @return {@code whsec_} and the base64 of 32 random bytes
     */
    public static String generate() {
        return PREFIX + Base64.getEncoder().encodeToString(RandomBytes.next(GENERATED_BYTES));
    }

    /**
     * The HMAC key of {@code secret}.
     *
     * @param secret a {@code whsec_} secret
     * @return the decoded key bytes
     * @throws IllegalArgumentException when it lacks the prefix, is not base64 or is shorter than 16 bytes
     */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("webhook secret must start with '" + PREFIX + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("webhook secret must be '" + PREFIX + "' followed by base64", null);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("webhook secret must hold at least " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }
}
