package dev.callstack.server;

import java.util.Locale;

/**
 * What an API key may do beyond the read-only default. A key without any privilege sees redacted lists,
 * {@code /ws}, {@code /healthz}, {@code /metrics} and {@code /status}, and can change nothing.
 */
public enum Privilege {
    /** {@code POST /sms/send} and anything else that queues an SMS. */
    SEND,
    /** {@code POST /ussd/send}. */
    USSD,
    /**
     * {@code POST /calls/dial}, {@code /calls/answer}, {@code /calls/hangup}, {@code /calls/dtmf} and
     * {@code GET /calls/current}.
     */
    CALLS,
    /** Full, unredacted payloads on {@code /ws}, in message listings and in USSD replies. */
    CONTENT,
    /** Configuration-level routes (webhooks, outbox management, identity fields), once they exist. */
    ADMIN;

    /**
     * The name used in key files and {@code CALLSTACK_API_KEYS}.
     *
     * @return the constant's name in lower case, e.g. {@code content}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
