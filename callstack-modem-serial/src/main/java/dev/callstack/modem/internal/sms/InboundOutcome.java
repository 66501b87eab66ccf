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
    /** Does not decode: kept on the modem, counted (its raw PDU could not be stored). */
    UNDECODABLE,
    /** Does not decode: its raw PDU and the reason are in the store, so the slot may be freed. */
    UNDECODABLE_KEPT,
    /** An SMS-SUBMIT (our own stored draft or sent copy): not inbound, left alone. */
    OUTGOING,
    /** The store failed: kept on the modem so the next sweep retries. */
    STORE_FAILED;

    /** Only what is durably in the store may leave the modem. */
    boolean mayDelete() {
        return this == MESSAGE || this == REPORT || this == DUPLICATE_MESSAGE || this == DUPLICATE_REPORT
                || this == UNDECODABLE_KEPT;
    }

    boolean statusReport() {
        return this == REPORT || this == DUPLICATE_REPORT;
    }
}
