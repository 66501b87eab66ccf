package dev.callstack.modem.internal.sms;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.PduFormatException;
import dev.callstack.modem.pdu.SmsDeliver;
import dev.callstack.modem.pdu.SmsDeliverEncoder;
import dev.callstack.modem.pdu.SmsStatusReportEncoder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Inbound PDUs for tests, made by the codec's own SMS-DELIVER and SMS-STATUS-REPORT encoders. */
final class TestPdus {
    /** The service centre time stamp of every test PDU. */
    static final OffsetDateTime SCTS = OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC);

    private TestPdus() {
    }

    /** The parts of {@code text} from {@code sender} as SMS-DELIVER hex, in order. */
    static List<String> deliver(String sender, String text, SmsEncoding encoding, int reference) {
        return deliver(sender, text, encoding, reference, false);
    }

    static List<String> deliver(String sender, String text, SmsEncoding encoding, int reference,
                                boolean sixteenBitReference) {
        return SmsDeliverEncoder.encode(PhoneNumber.of(sender), text, encoding, SCTS, reference, sixteenBitReference);
    }

    static String single(String sender, String text) {
        List<String> parts = deliver(sender, text, SmsEncoding.AUTO, 0);
        if (parts.size() != 1) {
            throw new IllegalArgumentException("text needs " + parts.size() + " parts");
        }
        return parts.get(0);
    }

    /** The text of one DELIVER part. */
    static String textOf(String deliverHex) {
        try {
            return ((SmsDeliver) PduDecoder.decode(deliverHex)).text();
        } catch (PduFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** An SMS-STATUS-REPORT about TP-MR {@code reference} sent to {@code recipient}, with TP-ST {@code status}. */
    static String statusReport(int reference, String recipient, int status) {
        return SmsStatusReportEncoder.encode(reference, PhoneNumber.of(recipient), SCTS, SCTS, status);
    }
}
