package dev.callstack.core;

/** No modem is connected, or it went away while the request was under way. */
public final class ModemUnavailableException extends CallstackException {
    private static final long serialVersionUID = 1L;

    public ModemUnavailableException(String message) {
        super(message);
    }

    public ModemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
