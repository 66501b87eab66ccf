package dev.callstack.modem.pdu;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.SmsEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a text as the TP-UDL and TP-UD of one or more parts (3GPP TS 23.040 §9.2.3.16, §9.2.3.24): the alphabet
 * choice, the split into concatenated parts and the concatenation header. Shared by the SUBMIT and DELIVER encoders
 * so both follow the same rules. Stateless.
 */
final class UserDataEncoder {
    /** Concatenation allows at most 255 parts (the part counter is one octet). */
    static final int MAX_PARTS = 255;

    private static final int SINGLE_GSM7_SEPTETS = 160;
    private static final int SINGLE_UCS2_UNITS = 70;

    /**
     * One part's user data.
     *
     * @param hasHeader whether it starts with a user data header (TP-UDHI)
     * @param length    TP-UDL: septets for GSM-7, octets for UCS-2
     * @param octets    TP-UD
     */
    @SuppressWarnings("ArrayRecordComponent") // an encoder's intermediate result, never compared
    record Part(boolean hasHeader, int length, byte[] octets) {
    }

    private UserDataEncoder() {
    }

    /**
     * GSM-7 when every character fits (or as forced), else UCS-2.
     *
     * @throws InvalidRequestException when GSM-7 is forced on a text that does not fit it
     */
    static Coding coding(String text, SmsEncoding encoding) {
        boolean fits = Gsm7Alphabet.fits(text);
        if (encoding == SmsEncoding.GSM7 && !fits) {
            throw new InvalidRequestException("SMS text has characters outside the GSM 7-bit alphabet");
        }
        if (encoding == SmsEncoding.UCS2 || !fits) {
            return Coding.UCS2;
        }
        return Coding.GSM7;
    }

    /**
     * The parts of {@code text}, in order; a text that fits one part gets no header.
     *
     * @throws InvalidRequestException when the text needs more than {@value #MAX_PARTS} parts
     */
    static List<Part> encode(String text, Coding coding, int concatReference, boolean sixteenBitReference) {
        List<String> bodies;
        if (fitsOnePart(text, coding)) {
            bodies = List.of(text);
        } else {
            int headerOctets = sixteenBitReference ? 7 : 6;
            int perPart = coding == Coding.GSM7
                    ? (UserDataDecoder.MAX_OCTETS * 8 - septetAligned(headerOctets) * 7) / 7
                    : (UserDataDecoder.MAX_OCTETS - headerOctets) / 2;
            bodies = TextSplitter.split(text, coding, perPart, MAX_PARTS);
            if (bodies.size() > MAX_PARTS) {
                throw new InvalidRequestException("SMS text is too long: it needs more than " + MAX_PARTS
                        + " parts");
            }
        }
        List<Part> out = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            byte[] header = bodies.size() == 1 ? new byte[0]
                    : header(concatReference, sixteenBitReference, bodies.size(), i + 1);
            out.add(part(coding, header, bodies.get(i)));
        }
        return List.copyOf(out);
    }

    private static boolean fitsOnePart(String text, Coding coding) {
        if (coding == Coding.GSM7) {
            return Gsm7Alphabet.septetCount(text) <= SINGLE_GSM7_SEPTETS;
        }
        return text.length() <= SINGLE_UCS2_UNITS;
    }

    /** Septets a header of {@code octets} octets occupies, fill bits included. */
    private static int septetAligned(int octets) {
        return (octets * 8 + 6) / 7;
    }

    private static byte[] header(int reference, boolean sixteenBit, int total, int sequence) {
        if (sixteenBit) {
            return new byte[] {6, 0x08, 4, (byte) (reference >> 8), (byte) reference, (byte) total, (byte) sequence};
        }
        return new byte[] {5, 0x00, 3, (byte) reference, (byte) total, (byte) sequence};
    }

    private static Part part(Coding coding, byte[] header, String body) {
        if (coding == Coding.GSM7) {
            byte[] septets = Gsm7Alphabet.encode(body);
            int headerSeptets = header.length == 0 ? 0 : septetAligned(header.length);
            int udl = headerSeptets + septets.length;
            byte[] ud = new byte[SeptetPacker.octetsFor(udl)];
            System.arraycopy(header, 0, ud, 0, header.length);
            SeptetPacker.pack(septets, ud, headerSeptets);
            return new Part(header.length > 0, udl, ud);
        }
        byte[] units = Ucs2.encode(body);
        byte[] ud = new byte[header.length + units.length];
        System.arraycopy(header, 0, ud, 0, header.length);
        System.arraycopy(units, 0, ud, header.length, units.length);
        return new Part(header.length > 0, ud.length, ud);
    }
}
