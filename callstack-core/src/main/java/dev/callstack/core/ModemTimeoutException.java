package dev.callstack.core;

/** The modem or the network did not answer in time. */
public final class ModemTimeoutException extends CallstackException {
    private static final long serialVersionUID = 1L;

    public ModemTimeoutException(String message) {
        super(message);
    }
}
