package dev.callstack.core;

/** The caller asked for something malformed (bad number, empty body, bad USSD code): HTTP 400. */
public final class InvalidRequestException extends CallstackException {
    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
