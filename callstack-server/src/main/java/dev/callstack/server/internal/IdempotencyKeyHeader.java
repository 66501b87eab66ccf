package dev.callstack.server.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header: 1–255 printable ASCII characters, at most one. The outbox sees it
 * scoped to the caller's quota id (a digest of the API key, never the key), so two keys never share a namespace. The
 * value is never logged. Stateless.
 */
final class IdempotencyKeyHeader {
    static final String NAME = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;
    static final String INVALID = "invalid 'Idempotency-Key': 1 to 255 printable ASCII characters";

    private IdempotencyKeyHeader() {
    }

    /** The scoped key, {@code null} without the header, or an {@link HttpError} 400. */
    static String scoped(HttpHeaders headers, Caller caller) {
        List<String> values = headers.getAll(NAME);
        if (values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (values.size() > 1 || !valid(value)) {
            throw HttpError.badRequest(INVALID);
        }
        return caller.quotaId() + ":" + value;
    }

    static boolean valid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
