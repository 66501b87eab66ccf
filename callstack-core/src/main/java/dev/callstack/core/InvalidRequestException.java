package dev.callstack.core;

/** The caller asked for something malformed (bad number, empty body, bad USSD code). */
public final class InvalidRequestException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which input was refused and why, without echoing the input itself
     */
    public InvalidRequestException(String message) {
        super(message);
    }
}
