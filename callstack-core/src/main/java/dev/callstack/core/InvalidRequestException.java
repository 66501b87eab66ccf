package dev.callstack.core;

/** The caller asked for something malformed (bad number, empty body, bad USSD code). */
public final class InvalidRequestException extends CallstackException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
