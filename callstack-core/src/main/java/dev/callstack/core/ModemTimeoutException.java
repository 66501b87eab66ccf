package dev.callstack.core;

/** The modem or the network did not answer in time. */
public final class ModemTimeoutException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which operation timed out (and after how long), free of private data
     */
    public ModemTimeoutException(String message) {
        super(message);
    }
}
