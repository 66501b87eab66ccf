package dev.callstack.modem.pdu;

import dev.callstack.core.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a text as the SMS-SUBMIT PDUs a modem sends with {@code AT+CMGS} (3GPP TS 23.040 §9.2.2.2): GSM-7 when
 * every character fits, else UCS-2 (or as forced), split into concatenated parts when it does not fit one. TP-MR is
 * 0 so the modem assigns it. Stateless; pure (no I/O, no logging).
 *
 * <pre>{@code
 * for (SubmitPdu part : SmsSubmitEncoder.encode(SubmitRequest.of(sms, reference))) {
 *     // AT+CMGS=<part.tpduLength()>, wait for "> ", send part.hex() and Ctrl-Z
 * }
 * }</pre>
 */
public final class SmsSubmitEncoder {
    /** Concatenation allows at most 255 parts (the part counter is one octet). */
    public static final int MAX_PARTS = UserDataEncoder.MAX_PARTS;

    private SmsSubmitEncoder() {
    }

    /**
     * Encodes {@code request} into its parts, in order.
     *
     * @param request what to send
     * @return the parts, each ready for {@code AT+CMGS}
     * @throws InvalidRequestException when GSM-7 is forced on a text that does not fit it, or the text needs
     *                                 more than {@value #MAX_PARTS} parts
     */
    public static List<SubmitPdu> encode(SubmitRequest request) {
        Coding coding = UserDataEncoder.coding(request.text(), request.encoding());
        List<UserDataEncoder.Part> parts = UserDataEncoder.encode(request.text(), coding,
                request.concatReference(), request.sixteenBitReference());
        List<SubmitPdu> out = new ArrayList<>(parts.size());
        for (UserDataEncoder.Part part : parts) {
            out.add(pdu(request, coding, part));
        }
        return List.copyOf(out);
    }

    private static SubmitPdu pdu(SubmitRequest request, Coding coding, UserDataEncoder.Part userData) {
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream(160);
        int firstOctet = 0x01;
        if (request.validity() != null) {
            firstOctet |= 0x10;
        }
        if (request.requestStatusReport()) {
            firstOctet |= 0x20;
        }
        if (userData.hasHeader()) {
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
        tpdu.write(userData.length());
        tpdu.writeBytes(userData.octets());
        byte[] bytes = tpdu.toByteArray();
        return new SubmitPdu("00" + PduHex.format(bytes), bytes.length);
    }
}
