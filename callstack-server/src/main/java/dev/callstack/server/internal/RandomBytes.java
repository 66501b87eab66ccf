package dev.callstack.server.internal;

import java.security.SecureRandom;

/**
 * The server's one source of unguessable bytes (webhook and voicemail ids, webhook secrets). Its generator is made
 * when this class is first used, not when the classes that might need it load: a server that never creates one of
 * those never loads the security providers behind {@link SecureRandom} (about 60 classes, resident for the process's
 * life on a small board).
 *
 * <p>Thread-safe ({@link SecureRandom} is).
 */
public final class RandomBytes {
    private static final SecureRandom SOURCE = new SecureRandom();

    private RandomBytes() {
    }

    /**
     * Fresh random bytes.
     *
     * @param count how many
     * @return {@code count} bytes from a {@link SecureRandom}
     */
    public static byte[] next(int count) {
        byte[] bytes = new byte[count];
        SOURCE.nextBytes(bytes);
        return bytes;
    }
}
