package dev.callstack.server.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks {@code v1} signature: base64 of HMAC-SHA256 over {@code "<id>.<timestamp>.<body>"}.
 *
 * <p>Stateless and thread-safe (a new {@link Mac} per call).
 */
public final class WebhookSignature {
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /**
     * The {@code webhook-signature} header value.
     *
     * @param key       the HMAC key ({@link WebhookSecret#key})
     * @param id        the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}, unix seconds
     * @param body      the exact request body
     * @return {@code v1,<base64>}
     */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // Every Java platform ships HmacSHA256, and it takes keys of any length.
            throw new IllegalStateException("HmacSHA256 unavailable", impossible);
        }
    }
}
