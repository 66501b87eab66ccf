package dev.callstack.modem.internal.sms;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import dev.callstack.modem.internal.pdu.SmsSubmitEncoder;
import dev.callstack.modem.internal.pdu.SubmitPdu;
import dev.callstack.modem.internal.pdu.SubmitRequest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Inbound PDUs for tests: SMS-DELIVER parts made from what the real encoder produces for an SMS-SUBMIT (the user
 * data is the same, only the header differs), and SMS-STATUS-REPORTs.
 */
final class TestPdus {
    /** 2026-11-21 10:00:00 +00:00 as TP-SCTS semi-octets. */
    static final String SCTS = "62111201000000";

    private TestPdus() {
    }

    /** The parts of {@code text} from {@code sender} as SMS-DELIVER hex, in order. */
    static List<String> deliver(String sender, String text, SmsEncoding encoding, int reference) {
        return deliver(sender, text, encoding, reference, false);
    }

    static List<String> deliver(String sender, String text, SmsEncoding encoding, int reference,
                                boolean sixteenBitReference) {
        List<String> out = new ArrayList<>();
        for (SubmitPdu submit : SmsSubmitEncoder.encode(new SubmitRequest(PhoneNumber.of(sender), text, encoding,
                false, null, reference, sixteenBitReference))) {
            out.add(toDeliver(submit.hex()));
        }
        return out;
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
            return ((dev.callstack.modem.internal.pdu.SmsDeliver) dev.callstack.modem.internal.pdu.PduDecoder
                    .decode(deliverHex)).text();
        } catch (dev.callstack.modem.internal.pdu.PduFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** An SMS-STATUS-REPORT about TP-MR {@code reference} sent to {@code recipient}, with TP-ST {@code status}. */
    static String statusReport(int reference, String recipient, int status) {
        return "00" + "06" + hex(reference) + address(recipient) + SCTS + SCTS + hex(status);
    }

    private static String toDeliver(String submitHex) {
        byte[] b = HexFormat.of().parseHex(submitHex);
        int i = 1; // SMSC field "00"
        int firstOctet = b[i++] & 0xFF;
        i++; // TP-MR
        int digits = b[i] & 0xFF;
        int addressOctets = 2 + (digits + 1) / 2;
        String address = HexFormat.of().formatHex(b, i, i + addressOctets);
        i += addressOctets;
        int pid = b[i++] & 0xFF;
        int dcs = b[i++] & 0xFF;
        if ((firstOctet & 0x18) != 0) {
            throw new IllegalArgumentException("no validity period expected");
        }
        String userData = HexFormat.of().formatHex(b, i, b.length);
        int deliverFirst = 0x04 | (firstOctet & 0x40);
        return ("00" + hex(deliverFirst) + address + hex(pid) + hex(dcs) + SCTS + userData).toUpperCase(Locale.ROOT);
    }

    private static String address(String number) {
        boolean international = number.startsWith("+");
        String digits = international ? number.substring(1) : number;
        StringBuilder bcd = new StringBuilder();
        String padded = digits.length() % 2 == 0 ? digits : digits + "F";
        for (int i = 0; i < padded.length(); i += 2) {
            bcd.append(padded.charAt(i + 1)).append(padded.charAt(i));
        }
        return hex(digits.length()) + (international ? "91" : "81") + bcd;
    }

    private static String hex(int octet) {
        return String.format(Locale.ROOT, "%02X", octet);
    }
}
