package dev.callstack.modem.pdu;

import java.util.Arrays;
import java.util.Optional;

/** Reads TP-UDL and TP-UD: header, fill bits, GSM-7 / UCS-2 / 8-bit body. Stateless. */
final class UserDataDecoder {
    static final int MAX_SEPTETS = 160;
    static final int MAX_OCTETS = 140;

    private static final byte[] NONE = new byte[0];

    private UserDataDecoder() {
    }

    /**
     * @param tolerateShortGsm7 decode the septets that are present when GSM-7 TP-UD is shorter than TP-UDL says
     *                          (only for SMS-SUBMITs read back from storage, see {@code SmsSubmitDecoder})
     */
    static UserData read(PduReader reader, boolean udhi, DataCoding dcs, int dcsOffset, boolean tolerateShortGsm7)
            throws PduFormatException {
        if (dcs.compressed()) {
            throw reader.error("compressed user data (TP-DCS 0x" + hex(dcs.raw()) + ") is not supported", dcsOffset);
        }
        int udlAt = reader.offset();
        int udl = reader.u8("TP-UDL");
        Coding coding = effectiveCoding(dcs, udl, reader.remaining());
        int octets;
        if (coding == Coding.GSM7) {
            if (udl > MAX_SEPTETS) {
                throw reader.error("TP-UDL " + udl + " exceeds " + MAX_SEPTETS + " septets", udlAt);
            }
            octets = SeptetPacker.octetsFor(udl);
            if (tolerateShortGsm7 && octets > reader.remaining()) {
                octets = reader.remaining();
                udl = octets * 8 / 7;
            }
        } else {
            if (udl > MAX_OCTETS) {
                throw reader.error("TP-UDL " + udl + " exceeds " + MAX_OCTETS + " octets", udlAt);
            }
            octets = udl;
        }
        int udAt = reader.offset();
        byte[] ud = reader.take(octets, "TP-UD");

        byte[] header = NONE;
        Optional<Concatenation> concatenation = Optional.empty();
        int headerOctets = 0;
        int headerSeptets = 0;
        if (udhi) {
            if (octets == 0) {
                // TP-UDHI with no user data at all (gammu at-sms/20): read it as an empty header.
                header = new byte[] {0};
            } else {
                int udhl = ud[0] & 0xFF;
                headerOctets = udhl + 1;
                headerSeptets = (headerOctets * 8 + 6) / 7;
                boolean overruns = coding == Coding.GSM7 ? headerSeptets > udl : headerOctets > octets;
                if (overruns) {
                    throw reader.error("UDH length " + udhl + " exceeds TP-UDL " + udl, udAt);
                }
                header = Arrays.copyOf(ud, headerOctets);
                concatenation = concatenation(reader, header, udAt);
            }
        }
        return switch (coding) {
            case GSM7 -> new UserData(header, concatenation, coding,
                    Gsm7Alphabet.decode(SeptetPacker.unpack(ud, headerSeptets, udl - headerSeptets)), NONE);
            case UCS2 -> {
                byte[] body = Arrays.copyOfRange(ud, headerOctets, octets);
                if ((body.length & 1) != 0) {
                    throw reader.error("UCS-2 user data has an odd length " + body.length, udAt + headerOctets);
                }
                yield new UserData(header, concatenation, coding, Ucs2.decode(body), NONE);
            }
            case EIGHT_BIT -> new UserData(header, concatenation, coding, "",
                    Arrays.copyOfRange(ud, headerOctets, octets));
        };
    }

    /**
     * Group F DCS with the reserved bit 3 set occurs with either alphabet in real captures (0xF9 carrying 8-bit
     * data, 0xFB carrying GSM-7): trust the alphabet bit unless only the other alphabet fits TP-UDL exactly.
     */
    private static Coding effectiveCoding(DataCoding dcs, int udl, int remaining) {
        Coding declared = dcs.coding();
        if (!dcs.reservedBitSet() || declared == Coding.UCS2) {
            return declared;
        }
        Coding other = declared == Coding.GSM7 ? Coding.EIGHT_BIT : Coding.GSM7;
        if (octetsNeeded(declared, udl) != remaining && octetsNeeded(other, udl) == remaining) {
            return other;
        }
        return declared;
    }

    private static int octetsNeeded(Coding coding, int udl) {
        return coding == Coding.GSM7 ? SeptetPacker.octetsFor(udl) : udl;
    }

    private static Optional<Concatenation> concatenation(PduReader reader, byte[] header, int headerAt)
            throws PduFormatException {
        Optional<Concatenation> found = Optional.empty();
        int i = 1;
        while (i < header.length) {
            if (i + 2 > header.length) {
                throw reader.error("UDH information element header is truncated", headerAt + i);
            }
            int iei = header[i] & 0xFF;
            int length = header[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > header.length) {
                throw reader.error("UDH information element 0x" + hex(iei) + " of length " + length
                        + " overruns the header", headerAt + i);
            }
            if (found.isEmpty()) {
                if (iei == 0x00 && length == 3) {
                    found = concat(header[data] & 0xFF, header[data + 1] & 0xFF, header[data + 2] & 0xFF, false);
                } else if (iei == 0x08 && length == 4) {
                    int reference = ((header[data] & 0xFF) << 8) | (header[data + 1] & 0xFF);
                    found = concat(reference, header[data + 2] & 0xFF, header[data + 3] & 0xFF, true);
                }
            }
            i = data + length;
        }
        return found;
    }

    /** A part numbered 0 or beyond the total is ignored rather than trusted, as other decoders do. */
    private static Optional<Concatenation> concat(int reference, int total, int sequence, boolean sixteenBit) {
        if (total < 1 || sequence < 1 || sequence > total) {
            return Optional.empty();
        }
        return Optional.of(new Concatenation(reference, total, sequence, sixteenBit));
    }

    static String hex(int octet) {
        return String.format("%02X", octet);
    }
}
