package dev.callstack.modem.pdu;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a text as the SMS-DELIVER PDUs a network hands a modem (3GPP TS 23.040 §9.2.2.1), as {@code AT+CMGR}
 * prints them: SMSC field {@code 00}, then the TPDU. Same alphabet and splitting rules as {@link SmsSubmitEncoder}.
 * For simulators and tests. Stateless.
 */
public final class SmsDeliverEncoder {
    private SmsDeliverEncoder() {
    }

    /**
     * Encodes the parts of a message from {@code originator}, in order, each stamped with {@code timestamp}
     * (TP-SCTS).
     *
     * @param originator      TP-OA; {@code +} gives an international address, otherwise unknown type
     * @param text            the body (may be long: it is split into parts)
     * @param encoding        AUTO (GSM-7 when every character fits, else UCS-2) or a forced alphabet
     * @param timestamp       TP-SCTS, written with seconds precision and its zone in quarter hours
     * @param concatReference shared by the parts when the text needs several (0–255)
     * @return upper-case hex of each part, SMSC field {@code 00} first
     * @throws InvalidRequestException  when GSM-7 is forced on a text that does not fit it, or the text is empty or
     *                                  needs more than {@value SmsSubmitEncoder#MAX_PARTS} parts
     * @throws IllegalArgumentException when {@code concatReference} is not an octet or the timestamp's zone cannot be
     *                                  expressed (a whole number of quarter hours within 18 h)
     */
    public static List<String> encode(PhoneNumber originator, String text, SmsEncoding encoding,
                                      OffsetDateTime timestamp, int concatReference) {
        return encode(originator, text, encoding, timestamp, concatReference, false);
    }

    /**
     * As {@link #encode(PhoneNumber, String, SmsEncoding, OffsetDateTime, int)}, with a 16-bit concatenation
     * reference (0–65535) when {@code sixteenBitReference} is set.
     *
     * @param originator          TP-OA
     * @param text                the body
     * @param encoding            AUTO or a forced alphabet
     * @param timestamp           TP-SCTS
     * @param concatReference     shared by the parts (0–255, or 0–65535 with {@code sixteenBitReference})
     * @param sixteenBitReference use IEI 0x08 (16-bit reference) instead of IEI 0x00
     * @return upper-case hex of each part, SMSC field {@code 00} first
     * @throws InvalidRequestException  when GSM-7 is forced on a text that does not fit it, or the text is empty or
     *                                  needs more than {@value SmsSubmitEncoder#MAX_PARTS} parts
     * @throws IllegalArgumentException when {@code concatReference} is out of range or the timestamp's zone cannot
     *                                  be expressed
     */
    public static List<String> encode(PhoneNumber originator, String text, SmsEncoding encoding,
                                      OffsetDateTime timestamp, int concatReference, boolean sixteenBitReference) {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(timestamp, "timestamp");
        if (text.isEmpty()) {
            throw new InvalidRequestException("SMS body must not be empty");
        }
        int maxReference = sixteenBitReference ? 0xFFFF : 0xFF;
        if (concatReference < 0 || concatReference > maxReference) {
            throw new IllegalArgumentException("concatReference must be 0.." + maxReference);
        }
        Coding coding = UserDataEncoder.coding(text, encoding);
        byte[] address = AddressCodec.encode(originator.value());
        byte[] scts = ScTimestampCodec.write(timestamp);
        List<String> out = new ArrayList<>();
        for (UserDataEncoder.Part part : UserDataEncoder.encode(text, coding, concatReference, sixteenBitReference)) {
            ByteArrayOutputStream tpdu = new ByteArrayOutputStream(176);
            // TP-MTI 0 (DELIVER), TP-MMS set: no more messages waiting at the service centre.
            tpdu.write(0x04 | (part.hasHeader() ? 0x40 : 0));
            tpdu.writeBytes(address);
            tpdu.write(0); // TP-PID: plain SMS
            tpdu.write(DataCoding.encode(coding));
            tpdu.writeBytes(scts);
            tpdu.write(part.length());
            tpdu.writeBytes(part.octets());
            out.add("00" + PduHex.format(tpdu.toByteArray()));
        }
        return List.copyOf(out);
    }
}
