package dev.callstack.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The UTF-8 JSON of one realtime message, encoded once and shared by every client that receives it. Immutable.
 *
 * <p>{@link #utf8()} returns the shared array itself (no copy, so fan-out costs nothing): callers must never mutate it.
 * {@link #toString()} shows only the size, because the text may carry content.
 */
public final class EncodedMessage {
    private final byte[] utf8;
    private String text;

    EncodedMessage(byte[] utf8) {
        this.utf8 = Objects.requireNonNull(utf8, "utf8");
    }

    /**
     * A message from JSON text (for transports' own tests and tools); the hub builds its messages itself.
     *
     * @param json the message text; not null, not checked to be JSON
     * @return the message, encoded as UTF-8
     */
    public static EncodedMessage ofText(String json) {
        return new EncodedMessage(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A message from stored UTF-8 JSON (a journal row, for replay): the array is kept, not copied.
     *
     * @param utf8 the message's bytes; not null, not checked to be JSON; the caller must not mutate it afterwards
     * @return the message
     */
    public static EncodedMessage wrap(byte[] utf8) {
        return new EncodedMessage(utf8);
    }

    /**
     * The shared UTF-8 bytes; do not mutate.
     *
     * @return the array itself, not a copy
     */
    public byte[] utf8() {
        return utf8;
    }

    /**
     * The JSON text (decoded on first use).
     *
     * @return the message as a string
     */
    public String text() {
        String decoded = text;
        if (decoded == null) {
            // A racing second decode yields an equal String; String is safely publishable without a lock.
            decoded = new String(utf8, StandardCharsets.UTF_8);
            text = decoded;
        }
        return decoded;
    }

    @Override
    public String toString() {
        return "EncodedMessage[" + utf8.length + " bytes]";
    }
}
