package dev.callstack.core.store;

/** The store could not read or write. The message never contains message content or phone numbers. */
public final class MessageStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the database's failure.
     *
     * @param message what the store was doing, without message content or numbers
     * @param cause the underlying failure (typically an SQL exception)
     */
    public MessageStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what the store was doing, without message content or numbers
     */
    public MessageStoreException(String message) {
        super(message);
    }
}
