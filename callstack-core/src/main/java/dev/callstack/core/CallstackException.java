package dev.callstack.core;

/**
 * Base of the errors the {@link Modem} API reports; a closed set, so a transport (the server maps each subtype to
 * one HTTP status) can handle every case. Messages are written by
 * Callstack itself and never contain phone numbers, message bodies, USSD codes or text.
 */
public abstract sealed class CallstackException extends RuntimeException
        permits InvalidRequestException, ModemTimeoutException, ModemUnavailableException, ModemRejectedException,
        ModemBusyException {

    protected CallstackException(String message) {
        super(message);
    }

    protected CallstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
