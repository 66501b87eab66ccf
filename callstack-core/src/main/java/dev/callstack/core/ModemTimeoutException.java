package dev.callstack.core;

/** The modem or the network did not answer in time: HTTP 504. */
public final class ModemTimeoutException extends CallstackException {
    public ModemTimeoutException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 504;
    }
}
