package dev.callstack.modem.pdu;

import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.time.Duration;
import java.util.Objects;

/**
 * What to encode as one or more SMS-SUBMIT PDUs.
 *
 * @param recipient           TP-DA; {@code +} gives an international address, otherwise unknown type
 * @param text                the body (may be long: it is split into parts)
 * @param encoding            AUTO (GSM-7 when every character fits, else UCS-2) or a forced alphabet
 * @param requestStatusReport TP-SRR
 * @param validity            relative TP-VP, rounded up to the next step the format can express; {@code null}
 *                            for none (the network default)
 * @param concatReference     reference shared by the parts of a multipart message (0–255, or 0–65535 with
 *                            {@code sixteenBitReference}); the caller picks it, e.g. from a rolling counter
 * @param sixteenBitReference use IEI 0x08 (16-bit reference) instead of the usual IEI 0x00
 */
public record SubmitRequest(PhoneNumber recipient, String text, SmsEncoding encoding, boolean requestStatusReport,
                            Duration validity, int concatReference, boolean sixteenBitReference) {
    /**
     * Checks the fields.
     *
     * @param recipient           see {@link #recipient()}
     * @param text                see {@link #text()}
     * @param encoding            see {@link #encoding()}
     * @param requestStatusReport see {@link #requestStatusReport()}
     * @param validity            see {@link #validity()}
     * @param concatReference     see {@link #concatReference()}
     * @param sixteenBitReference see {@link #sixteenBitReference()}
     * @throws NullPointerException     when the recipient, text or encoding is null
     * @throws IllegalArgumentException when the validity is not positive or the reference is out of range
     */
    public SubmitRequest {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new IllegalArgumentException("validity must be positive");
        }
        int max = sixteenBitReference ? 0xFFFF : 0xFF;
        if (concatReference < 0 || concatReference > max) {
            throw new IllegalArgumentException("concatReference must be 0.." + max);
        }
    }

    /**
     * The request for an API-level SMS, with an 8-bit concatenation reference.
     *
     * @param sms             the message to send
     * @param concatReference the reference for its parts; only the low eight bits are used
     * @return the request
     */
    public static SubmitRequest of(OutgoingSms sms, int concatReference) {
        return new SubmitRequest(sms.to(), sms.body(), sms.encoding(), sms.requestStatusReport(), sms.validity(),
                concatReference & 0xFF, false);
    }

    /** Shows the shape (redacted recipient, text length, options), never the text. */
    @Override
    public String toString() {
        return "SubmitRequest[recipient=" + recipient + ", textLength=" + text.length() + ", encoding=" + encoding
                + ", requestStatusReport=" + requestStatusReport + ", validity=" + validity + "]";
    }
}
