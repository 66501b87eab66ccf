package dev.callstack.core;

/** No modem is connected, or it went away while the request was under way: HTTP 503. */
public final class ModemUnavailableException extends CallstackException {
    public ModemUnavailableException(String message) {
        super(message);
    }

    public ModemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
