package dev.callstack.modem.pdu;

import java.util.Optional;

/** Semi-octet and alphanumeric addresses (TP-OA/DA/RA and the SMSC field). Stateless. */
final class AddressCodec {
    static final int TOA_INTERNATIONAL = 0x91;
    static final int TOA_UNKNOWN = 0x81;

    /** 3GPP TS 23.040 §9.1.2.5: an address value is at most 10 octets, i.e. 20 semi-octets. */
    private static final int MAX_SEMI_OCTETS = 20;
    /** 3GPP TS 24.011 RP address: type-of-address plus at most 10 octets of digits. */
    private static final int MAX_SMSC_OCTETS = 11;
    private static final String BCD = "0123456789*#abc";

    private AddressCodec() {
    }

    /** Reads the SMSC field that {@code AT+CMGR}/{@code +CMT} put before the TPDU; empty when it has no digits. */
    static Optional<PduAddress> readSmsc(PduReader reader) throws PduFormatException {
        int at = reader.offset();
        int length = reader.u8("SMSC length");
        if (length == 0) {
            return Optional.empty();
        }
        if (length > MAX_SMSC_OCTETS) {
            throw reader.error("SMSC length " + length + " exceeds " + MAX_SMSC_OCTETS + " octets", at);
        }
        int toaAt = reader.offset();
        int toa = reader.u8("SMSC type of address");
        byte[] digits = reader.take(length - 1, "SMSC address");
        if (digits.length == 0) {
            return Optional.empty();
        }
        checkToa(reader, toa, toaAt);
        String value = semiOctets(digits, digits.length * 2);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PduAddress(withPrefix(value, toa), toa));
    }

    /** Reads TP-OA, TP-DA or TP-RA: a semi-octet count, the type of address, then the value. */
    static PduAddress read(PduReader reader, String field) throws PduFormatException {
        int at = reader.offset();
        int semiOctets = reader.u8(field + " length");
        if (semiOctets > MAX_SEMI_OCTETS) {
            throw reader.error(field + " length " + semiOctets + " exceeds " + MAX_SEMI_OCTETS + " semi-octets", at);
        }
        int toaAt = reader.offset();
        int toa = reader.u8(field + " type of address");
        byte[] raw = reader.take((semiOctets + 1) / 2, field);
        if (semiOctets == 0) {
            return new PduAddress("", toa);
        }
        checkToa(reader, toa, toaAt);
        if (NumberType.fromTypeOfAddress(toa) == NumberType.ALPHANUMERIC) {
            int septets = semiOctets * 4 / 7;
            return new PduAddress(Gsm7Alphabet.decode(SeptetPacker.unpack(raw, 0, septets)), toa);
        }
        return new PduAddress(withPrefix(semiOctets(raw, semiOctets), toa), toa);
    }

    /** Encodes a dialable number as TP-DA: {@code +} selects international type, anything else unknown type. */
    static byte[] encode(String number) {
        boolean international = number.startsWith("+");
        String digits = international ? number.substring(1) : number;
        byte[] out = new byte[2 + (digits.length() + 1) / 2];
        out[0] = (byte) digits.length();
        out[1] = (byte) (international ? TOA_INTERNATIONAL : TOA_UNKNOWN);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out[2 + i / 2] |= (byte) ((i & 1) == 0 ? d : d << 4);
        }
        if ((digits.length() & 1) == 1) {
            out[out.length - 1] |= (byte) 0xF0;
        }
        return out;
    }

    private static void checkToa(PduReader reader, int toa, int at) throws PduFormatException {
        // Bit 7 of a type-of-address octet is always 1; a clear bit means we are not looking at an address.
        if ((toa & 0x80) == 0) {
            throw reader.error("type of address 0x" + Integer.toHexString(toa) + " lacks bit 7", at);
        }
    }

    private static String withPrefix(String digits, int toa) {
        if (NumberType.fromTypeOfAddress(toa) == NumberType.INTERNATIONAL && !digits.isEmpty()) {
            return "+" + digits;
        }
        return digits;
    }

    private static String semiOctets(byte[] raw, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int nibble = (i & 1) == 0 ? raw[i / 2] & 0x0F : (raw[i / 2] >> 4) & 0x0F;
            if (nibble == 0x0F) {
                // Filler for an odd digit count; tolerate it anywhere rather than inventing a digit.
                continue;
            }
            out.append(BCD.charAt(nibble));
        }
        return out.toString();
    }
}
