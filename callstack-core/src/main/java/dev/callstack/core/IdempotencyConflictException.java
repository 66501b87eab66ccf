package dev.callstack.core;

/**
 * An idempotency key was reused within its window for a different request (another recipient, text or option). The
 * server answers 422. Nothing was committed.
 */
public final class IdempotencyConflictException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * A conflict; the message names no key, number or text.
     *
     * @param message what differs, e.g. "idempotency key reused with a different request"
     */
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
