package dev.callstack.modem.pdu;

import dev.callstack.core.PhoneNumber;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Encodes the SMS-STATUS-REPORT a network sends about a submitted message (3GPP TS 23.040 §9.2.2.3), as
 * {@code +CDS} carries it: SMSC field {@code 00}, then the TPDU up to TP-ST. For simulators and tests. Stateless.
 */
public final class SmsStatusReportEncoder {
    private SmsStatusReportEncoder() {
    }

    /**
     * Encodes one report.
     *
     * @param messageReference TP-MR the modem reported in {@code +CMGS} for the submitted part (0–255)
     * @param recipient        TP-RA: the submitted message's TP-DA
     * @param submitted        TP-SCTS: when the service centre received the message
     * @param discharged       TP-DT: when {@code status} was reached
     * @param status           TP-ST (0–255; 0 is "received by the recipient")
     * @return upper-case hex, SMSC field {@code 00} first
     * @throws IllegalArgumentException when the reference or status is not an octet, or a timestamp's zone cannot
     *                                  be expressed
     */
    public static String encode(int messageReference, PhoneNumber recipient, OffsetDateTime submitted,
                                OffsetDateTime discharged, int status) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(discharged, "discharged");
        if (messageReference < 0 || messageReference > 0xFF || status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("messageReference and status must be octets");
        }
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream(32);
        // TP-MTI 2 (STATUS-REPORT), TP-MMS set, TP-SRQ clear: the report answers an SMS-SUBMIT.
        tpdu.write(0x06);
        tpdu.write(messageReference);
        tpdu.writeBytes(AddressCodec.encode(recipient.value()));
        tpdu.writeBytes(ScTimestampCodec.write(submitted));
        tpdu.writeBytes(ScTimestampCodec.write(discharged));
        tpdu.write(status);
        return "00" + PduHex.format(tpdu.toByteArray());
    }
}
