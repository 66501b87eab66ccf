package dev.callstack.bench.ws;

import java.nio.charset.StandardCharsets;

/**
 * Reads the few fields the load tool needs straight from envelope bytes, without a JSON parser, over any byte source
 * ({@link Bytes}: a Netty buffer in {@link ClientFleet}, a range of a direct buffer in {@link RawFleet}). Stateless.
 */
final class FrameScan {
    private static final byte[] TYPE_SMS = "{\"type\":\"sms.received\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_OVERFLOW = "{\"type\":\"overflow\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DROPPED = "\"dropped\":".getBytes(StandardCharsets.US_ASCII);

    /** The byte at an absolute index of the frame's source ({@code ByteBuf::getByte}, {@code ByteBuffer::get}). */
    @FunctionalInterface
    interface Bytes {
        byte at(int index);
    }

    private FrameScan() {
    }

    static boolean isSms(Bytes frame, int start, int end) {
        return startsWith(frame, start, end, TYPE_SMS);
    }

    static boolean isOverflow(Bytes frame, int start, int end) {
        return startsWith(frame, start, end, TYPE_OVERFLOW);
    }

    /** The decimal number right after {@code "body":"} (the publish time in nanos) in {@code [start, end)}, or -1. */
    static long bodyNumber(Bytes frame, int start, int end) {
        return numberAfter(frame, start, end, BODY);
    }

    static long dropped(Bytes frame, int start, int end) {
        return numberAfter(frame, start, end, DROPPED);
    }

    private static boolean startsWith(Bytes frame, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (frame.at(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long numberAfter(Bytes frame, int start, int end, byte[] key) {
        outer:
        for (int i = start; i <= end - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (frame.at(i + k) != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            int j = i + key.length;
            boolean any = false;
            while (j < end) {
                byte b = frame.at(j++);
                if (b < '0' || b > '9') {
                    break;
                }
                value = value * 10 + (b - '0');
                any = true;
            }
            return any ? value : -1;
        }
        return -1;
    }
}
