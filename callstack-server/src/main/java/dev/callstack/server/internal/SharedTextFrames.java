package dev.callstack.server.internal;

import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;

/**
 * Encodes each realtime message once as a complete server-to-client WebSocket text frame (FIN, opcode 1, unmasked
 * length header, payload) shared by every client it goes to: a client gets a {@link ByteBuf#duplicate() duplicate}
 * of one heap buffer, so fan-out neither copies nor re-encodes per client. Only for connections without
 * permessage-deflate, whose frames the encoder would have to compress per connection.
 *
 * <p>Remembers the last message only: the hub hands one message to all its clients before the next, so every client
 * after the first is a hit. The buffer is unreleasable (the garbage collector frees the heap array), so a duplicate
 * handed out is never invalidated by another thread moving on to the next message.
 *
 * <p>Thread-safe: a racing miss builds an equal frame.
 */
final class SharedTextFrames {
    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private record Entry(EncodedMessage message, ByteBuf frame) { }

    private volatile Entry last;

    /** A duplicate of the message's shared frame: own indexes, shared bytes; releasing it is a no-op. */
    ByteBuf frameFor(EncodedMessage message) {
        Objects.requireNonNull(message, "message");
        Entry entry = last;
        if (entry == null || entry.message() != message) {
            entry = new Entry(message, Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(encode(message.utf8()))));
            last = entry;
        }
        return entry.frame().duplicate();
    }

    /** RFC 6455 §5.2 framing of one unfragmented, unmasked text frame. */
    static byte[] encode(byte[] payload) {
        int length = payload.length;
        int header = length < LENGTH_16 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = (byte) LENGTH_16;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) LENGTH_64;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
