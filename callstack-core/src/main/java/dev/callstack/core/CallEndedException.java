package dev.callstack.core;

/**
 * The call a {@link dev.callstack.core.voice.CallSession} belongs to is over (the caller hung up, we hung up, the
 * modem went away), so the audio operation cannot go on. Every session method fails with it fast once the call
 * ends; an IVR script lets it unwind to its end.
 */
public final class CallEndedException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was interrupted, free of numbers and digits
     */
    public CallEndedException(String message) {
        super(message);
    }
}
