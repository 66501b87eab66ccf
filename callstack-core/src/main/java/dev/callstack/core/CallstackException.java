package dev.callstack.core;

/**
 * Base of the errors the {@link Modem} API reports; each subtype maps to one HTTP status. Messages are written by
 * Callstack itself and never contain phone numbers, message bodies, USSD codes or text.
 */
public abstract sealed class CallstackException extends RuntimeException
        permits InvalidRequestException, ModemTimeoutException, ModemUnavailableException, ModemRejectedException {

    protected CallstackException(String message) {
        super(message);
    }

    protected CallstackException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this error maps to. */
    public abstract int httpStatus();
}
