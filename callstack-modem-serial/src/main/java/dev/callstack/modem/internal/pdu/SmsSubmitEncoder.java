package dev.callstack.modem.internal.pdu;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.SmsEncoding;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a text as SMS-SUBMIT PDUs (3GPP TS 23.040 §9.2.2.2): GSM-7 when every character fits, else UCS-2
 * (or as forced), split into concatenated parts when it does not fit one. TP-MR is 0 so the modem assigns it.
 * Stateless.
 */
public final class SmsSubmitEncoder {
    /** Concatenation allows at most 255 parts (the part counter is one octet). */
    public static final int MAX_PARTS = 255;

    private static final int SINGLE_GSM7_SEPTETS = 160;
    private static final int SINGLE_UCS2_UNITS = 70;

    private SmsSubmitEncoder() {
    }

    /**
     * Encodes {@code request} into its parts, in order.
     *
     * @throws InvalidRequestException when GSM-7 is forced on a text that does not fit it, or the text needs
     *                                 more than {@value #MAX_PARTS} parts
     */
    public static List<SubmitPdu> encode(SubmitRequest request) {
        Coding coding = chooseCoding(request);
        String text = request.text();
        List<String> bodies;
        if (fitsOnePart(text, coding)) {
            bodies = List.of(text);
        } else {
            int headerOctets = request.sixteenBitReference() ? 7 : 6;
            int perPart = coding == Coding.GSM7
                    ? (UserDataDecoder.MAX_OCTETS * 8 - septetAligned(headerOctets) * 7) / 7
                    : (UserDataDecoder.MAX_OCTETS - headerOctets) / 2;
            bodies = TextSplitter.split(text, coding, perPart, MAX_PARTS);
            if (bodies.size() > MAX_PARTS) {
                throw new InvalidRequestException("SMS text is too long: it needs more than " + MAX_PARTS
                        + " parts");
            }
        }
        List<SubmitPdu> out = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            byte[] header = bodies.size() == 1 ? new byte[0] : header(request, bodies.size(), i + 1);
            out.add(pdu(request, coding, header, bodies.get(i)));
        }
        return List.copyOf(out);
    }

    private static Coding chooseCoding(SubmitRequest request) {
        boolean fits = Gsm7Alphabet.fits(request.text());
        if (request.encoding() == SmsEncoding.GSM7 && !fits) {
            throw new InvalidRequestException("SMS text has characters outside the GSM 7-bit alphabet");
        }
        if (request.encoding() == SmsEncoding.UCS2 || !fits) {
            return Coding.UCS2;
        }
        return Coding.GSM7;
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

    private static byte[] header(SubmitRequest request, int total, int sequence) {
        int ref = request.concatReference();
        if (request.sixteenBitReference()) {
            return new byte[] {6, 0x08, 4, (byte) (ref >> 8), (byte) ref, (byte) total, (byte) sequence};
        }
        return new byte[] {5, 0x00, 3, (byte) ref, (byte) total, (byte) sequence};
    }

    private static SubmitPdu pdu(SubmitRequest request, Coding coding, byte[] header, String body) {
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream(160);
        int firstOctet = 0x01;
        if (request.validity() != null) {
            firstOctet |= 0x10;
        }
        if (request.requestStatusReport()) {
            firstOctet |= 0x20;
        }
        if (header.length > 0) {
            firstOctet |= 0x40;
        }
        tpdu.write(firstOctet);
        tpdu.write(0); // TP-MR: the modem assigns it and reports it in +CMGS.
        tpdu.writeBytes(AddressCodec.encode(request.recipient().value()));
        tpdu.write(0); // TP-PID: plain SMS
        tpdu.write(DataCoding.encode(coding));
        if (request.validity() != null) {
            tpdu.write(ValidityPeriod.relative(request.validity()));
        }
        if (coding == Coding.GSM7) {
            byte[] septets = Gsm7Alphabet.encode(body);
            int headerSeptets = header.length == 0 ? 0 : septetAligned(header.length);
            int udl = headerSeptets + septets.length;
            byte[] ud = new byte[SeptetPacker.octetsFor(udl)];
            System.arraycopy(header, 0, ud, 0, header.length);
            SeptetPacker.pack(septets, ud, headerSeptets);
            tpdu.write(udl);
            tpdu.writeBytes(ud);
        } else {
            byte[] units = Ucs2.encode(body);
            tpdu.write(header.length + units.length);
            tpdu.writeBytes(header);
            tpdu.writeBytes(units);
        }
        byte[] bytes = tpdu.toByteArray();
        return new SubmitPdu("00" + PduHex.format(bytes), bytes.length);
    }
}
