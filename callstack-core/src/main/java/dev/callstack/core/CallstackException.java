package dev.callstack.core;

/**
 * Base of the errors the {@link Modem} API reports; a closed set, so a transport (the server maps each subtype to
 * one HTTP status) can handle every case. Messages are written by
 * Callstack itself and never contain phone numbers, message bodies, USSD codes or text.
 */
public abstract sealed class CallstackException extends RuntimeException
        permits InvalidRequestException, ModemTimeoutException, ModemUnavailableException, ModemRejectedException,
        ModemBusyException, IdempotencyConflictException, CallEndedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of private data (numbers, bodies, USSD text)
     */
    protected CallstackException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, free of private data (numbers, bodies, USSD text)
     * @param cause the lower-level failure, or null
     */
    protected CallstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
