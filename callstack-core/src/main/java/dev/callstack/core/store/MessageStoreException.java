package dev.callstack.core.store;

/** The store could not read or write. The message never contains message content or phone numbers. */
public final class MessageStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MessageStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public MessageStoreException(String message) {
        super(message);
    }
}
