package dev.callstack.modem.pdu;

import java.util.Objects;

/** A cursor over PDU octets that reports every overrun as a {@link PduFormatException}. Not thread-safe. */
final class PduReader {
    private final byte[] bytes;
    private int position;

    PduReader(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    int offset() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    int length() {
        return bytes.length;
    }

    int u8(String field) throws PduFormatException {
        if (position >= bytes.length) {
            throw new PduFormatException("PDU ends before " + field, position);
        }
        return bytes[position++] & 0xFF;
    }

    byte[] take(int count, String field) throws PduFormatException {
        if (count < 0 || count > remaining()) {
            throw new PduFormatException(field + " needs " + count + " octets but only " + remaining() + " remain",
                    position);
        }
        byte[] out = new byte[count];
        System.arraycopy(bytes, position, out, 0, count);
        position += count;
        return out;
    }

    void skip(int count, String field) throws PduFormatException {
        take(count, field);
    }

    PduFormatException error(String reason) {
        return new PduFormatException(reason, position);
    }

    PduFormatException error(String reason, int at) {
        return new PduFormatException(reason, at);
    }
}
