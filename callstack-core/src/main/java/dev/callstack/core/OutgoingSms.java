package dev.callstack.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A text to send.
 *
 * @param to                   the recipient
 * @param body                 the text; not empty
 * @param encoding             encoding choice, {@link SmsEncoding#AUTO} by default
 * @param requestStatusReport  ask the network for a delivery report
 * @param validity             how long the network keeps trying, or {@code null} for the network default
 */
public record OutgoingSms(PhoneNumber to, String body, SmsEncoding encoding, boolean requestStatusReport,
                          Duration validity) {
    /**
     * Validates that {@code to}, {@code body} and {@code encoding} are set, the body is not empty and a given validity
     * is positive; violations are {@link InvalidRequestException}s.
     *
     * @param to                  the recipient
     * @param body                the text; not empty
     * @param encoding            encoding choice, {@link SmsEncoding#AUTO} by default
     * @param requestStatusReport ask the network for a delivery report
     * @param validity            how long the network keeps trying, or {@code null} for the network default
     */
    public OutgoingSms {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(encoding, "encoding");
        if (body.isEmpty()) {
            throw new InvalidRequestException("SMS body must not be empty");
        }
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new InvalidRequestException("SMS validity must be positive");
        }
    }

    /**
     * Auto encoding, with a delivery report, network default validity.
     *
     * @param to the recipient; not null
     * @param body the text; not empty
     * @return the request
     * @throws InvalidRequestException if {@code body} is empty
     */
    public static OutgoingSms of(PhoneNumber to, String body) {
        return new OutgoingSms(to, body, SmsEncoding.AUTO, true, null);
    }

    /** No body ({@link PhoneNumber} redacts itself), so a request that reaches a log line stays private. */
    @Override
    public String toString() {
        return "OutgoingSms[to=" + to + ", body=" + Redaction.text(body) + ", encoding=" + encoding
                + ", requestStatusReport=" + requestStatusReport + ", validity=" + validity + "]";
    }
}
