package dev.callstack.core;

/**
 * The modem cannot take the request now, though it is connected: its queue for this kind of request is full, or a
 * one-at-a-time session (USSD) is under way. Retrying later may succeed; nothing was sent.
 */
public final class ModemBusyException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is busy; never a number, body or code
     */
    public ModemBusyException(String message) {
        super(message);
    }
}
