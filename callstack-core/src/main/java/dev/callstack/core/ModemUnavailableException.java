package dev.callstack.core;

/** No modem is connected, or it went away while the request was under way. */
public final class ModemUnavailableException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why no modem is available, free of private data
     */
    public ModemUnavailableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that took the modem away.
     *
     * @param message why no modem is available, free of private data
     * @param cause the underlying failure (e.g. the link's I/O error)
     */
    public ModemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
