package dev.callstack.modem.internal.link;

/** Receives what a {@link Link}'s reader thread reads. Called on that thread only; must not block. */
public interface LinkListener {

    /** {@code length} bytes at the start of {@code buffer}; the buffer is reused after the call returns. */
    void onBytes(byte[] buffer, int length);

    /** The link ended by itself (EOF, read error, device gone); {@code reason} is short and free of PII. */
    void onClosed(String reason);
}
