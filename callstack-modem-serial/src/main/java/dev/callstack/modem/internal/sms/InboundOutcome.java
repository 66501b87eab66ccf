package dev.callstack.modem.internal.sms;

/** What became of one inbound PDU, and so whether its slot may be freed. */
enum InboundOutcome {
    /** A new message or part, stored. */
    MESSAGE,
    /** A new status report, stored. */
    REPORT,
    /** Seen before (its fingerprint is in the store): nothing emitted. */
    DUPLICATE_MESSAGE,
    DUPLICATE_REPORT,
    /** Does not decode: kept on the modem, counted. */
    UNDECODABLE,
    /** An SMS-SUBMIT (our own stored draft or sent copy): not inbound, left alone. */
    OUTGOING,
    /** The store failed: kept on the modem so the next sweep retries. */
    STORE_FAILED;

    /** Only what is durably in the store may leave the modem. */
    boolean mayDelete() {
        return this == MESSAGE || this == REPORT || this == DUPLICATE_MESSAGE || this == DUPLICATE_REPORT;
    }

    boolean statusReport() {
        return this == REPORT || this == DUPLICATE_REPORT;
    }
}
