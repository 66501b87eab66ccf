package dev.callstack.bench.ws;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few fields the load tool needs straight from envelope bytes, without a JSON parser: from a Netty
 * {@link ByteBuf} ({@link ClientFleet}) or from a range of a {@link ByteBuffer} ({@link RawFleet}). Stateless.
 */
final class FrameScan {
    private static final byte[] TYPE_SMS = "{\"type\":\"sms.received\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_OVERFLOW = "{\"type\":\"overflow\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DROPPED = "\"dropped\":".getBytes(StandardCharsets.US_ASCII);

    private FrameScan() {
    }

    static boolean isSms(ByteBuf frame) {
        return startsWith(frame, TYPE_SMS);
    }

    static boolean isOverflow(ByteBuf frame) {
        return startsWith(frame, TYPE_OVERFLOW);
    }

    /** The decimal number right after {@code "body":"} (the publish time in nanos), or -1. */
    static long bodyNumber(ByteBuf frame) {
        return numberAfter(frame, BODY);
    }

    static long dropped(ByteBuf frame) {
        return numberAfter(frame, DROPPED);
    }

    private static boolean startsWith(ByteBuf frame, byte[] prefix) {
        if (frame.readableBytes() < prefix.length) {
            return false;
        }
        int start = frame.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (frame.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long numberAfter(ByteBuf frame, byte[] key) {
        int end = frame.writerIndex();
        outer:
        for (int i = frame.readerIndex(); i <= end - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (frame.getByte(i + k) != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            int j = i + key.length;
            boolean any = false;
            while (j < end) {
                byte b = frame.getByte(j++);
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

    static boolean isSms(ByteBuffer buf, int start, int end) {
        return startsWith(buf, start, end, TYPE_SMS);
    }

    static boolean isOverflow(ByteBuffer buf, int start, int end) {
        return startsWith(buf, start, end, TYPE_OVERFLOW);
    }

    /** The decimal number right after {@code "body":"} in {@code buf[start, end)}, or -1. */
    static long bodyNumber(ByteBuffer buf, int start, int end) {
        return numberAfter(buf, start, end, BODY);
    }

    static long dropped(ByteBuffer buf, int start, int end) {
        return numberAfter(buf, start, end, DROPPED);
    }

    private static boolean startsWith(ByteBuffer buf, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf.get(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long numberAfter(ByteBuffer buf, int start, int end, byte[] key) {
        outer:
        for (int i = start; i <= end - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (buf.get(i + k) != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            int j = i + key.length;
            boolean any = false;
            while (j < end) {
                byte b = buf.get(j++);
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
