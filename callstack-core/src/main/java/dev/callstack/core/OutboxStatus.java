package dev.callstack.core;

/**
 * Where a message in the {@link Outbox} stands. {@link #QUEUED} and {@link #SENDING} are the only states that change
 * on their own; {@link #SENT} becomes {@link #DELIVERED} or {@link #FAILED} when the delivery reports arrive; the rest
 * are final. The wire names are the lower-case constant names.
 */
public enum OutboxStatus {
    /** Committed, waiting for its turn, its {@code send_at}, the modem or a retry. */
    QUEUED,
    /** Its parts are being handed to the modem now. */
    SENDING,
    /** Every part has a network reference; no final delivery report yet. */
    SENT,
    /** Every part's delivery report said delivered. */
    DELIVERED,
    /** A permanent error (the modem or network refused it, invalid number) or a failed delivery report. */
    FAILED,
    /** Its time to live ran out before it could be sent. */
    EXPIRED,
    /** The modem did not answer {@code AT+CMGS}: it may have been sent; never retried unless the request asked. */
    UNKNOWN,
    /** Some parts left, then a part failed; the per-part results say which. */
    PARTIALLY_SENT,
    /** Cancelled while still queued. */
    CANCELLED;

    /**
     * Whether the message will not be sent again (nothing changes except delivery reports on {@link #SENT}).
     *
     * @return true for every state but {@link #QUEUED} and {@link #SENDING}
     */
    public boolean isFinal() {
        return this != QUEUED && this != SENDING;
    }
}
