package dev.callstack.modem.pdu;

/**
 * Packs 7-bit septets into octets (LSB first, 3GPP TS 23.038 §6.1.2.1) at any bit position, which is how the
 * fill bits after a user data header are expressed. Stateless.
 */
final class SeptetPacker {
    private SeptetPacker() {
    }

    /** Octets needed for {@code septets} septets. */
    static int octetsFor(int septets) {
        return (septets * 7 + 7) / 8;
    }

    /**
     * Writes each septet into {@code target} starting at septet position {@code firstSeptet} (bit
     * {@code firstSeptet * 7}); earlier bits, e.g. a user data header and its fill bits, are left as they are.
     */
    static void pack(byte[] septets, byte[] target, int firstSeptet) {
        for (int i = 0; i < septets.length; i++) {
            int bit = (firstSeptet + i) * 7;
            int index = bit >> 3;
            int shift = bit & 7;
            int value = septets[i] & 0x7F;
            target[index] |= (byte) (value << shift);
            if (shift > 1) {
                target[index + 1] |= (byte) (value >> (8 - shift));
            }
        }
    }

    /** Packs {@code septets} from bit 0, with no header. */
    static byte[] pack(byte[] septets) {
        byte[] out = new byte[octetsFor(septets.length)];
        pack(septets, out, 0);
        return out;
    }

    /**
     * Reads {@code count} septets from {@code source} starting at septet position {@code firstSeptet}.
     * The caller has checked that {@code source} holds {@code octetsFor(firstSeptet + count)} octets.
     */
    static byte[] unpack(byte[] source, int firstSeptet, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            int bit = (firstSeptet + i) * 7;
            int index = bit >> 3;
            int shift = bit & 7;
            int value = (source[index] & 0xFF) >> shift;
            if (shift > 1 && index + 1 < source.length) {
                value |= (source[index + 1] & 0xFF) << (8 - shift);
            }
            out[i] = (byte) (value & 0x7F);
        }
        return out;
    }
}
