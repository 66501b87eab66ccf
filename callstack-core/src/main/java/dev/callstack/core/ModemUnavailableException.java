package dev.callstack.core;

/** No modem is connected, or it went away while the request was under way. */
public final class ModemUnavailableException extends CallstackException {
    public ModemUnavailableException(String message) {
        super(message);
    }

    public ModemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
