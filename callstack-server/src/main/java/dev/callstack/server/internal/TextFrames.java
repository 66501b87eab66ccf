package dev.callstack.server.internal;

import io.netty.buffer.ByteBuf;

/**
 * Frames a realtime message as one complete server-to-client WebSocket text frame (FIN, opcode 1, unmasked length
 * header, payload) straight into an outgoing buffer, so a batch of messages for one client becomes one buffer and one
 * write. Only for connections without permessage-deflate, whose frames the extension compresses per connection.
 *
 * <p>Stateless; thread-safe.
 */
final class TextFrames {
    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private TextFrames() {
    }

    /** The bytes a payload of {@code payloadLength} takes on the wire, header included (RFC 6455 §5.2). */
    static int frameLength(int payloadLength) {
        return headerLength(payloadLength) + payloadLength;
    }

    private static int headerLength(int payloadLength) {
        return payloadLength < LENGTH_16 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
    }

    /** Appends the frame of {@code payload} to {@code out} (which grows as needed); returns the bytes appended. */
    static int write(ByteBuf out, byte[] payload) {
        int length = payload.length;
        int header = headerLength(length);
        if (header == 2) {
            out.writeShort(FIN_TEXT << 8 | length);
        } else if (header == 4) {
            out.writeShort(FIN_TEXT << 8 | LENGTH_16);
            out.writeShort(length);
        } else {
            out.writeShort(FIN_TEXT << 8 | LENGTH_64);
            out.writeLong(length);
        }
        out.writeBytes(payload);
        return header + length;
    }
}
