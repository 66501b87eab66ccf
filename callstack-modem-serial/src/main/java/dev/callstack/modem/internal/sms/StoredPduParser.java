package dev.callstack.modem.internal.sms;

import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.internal.at.PduEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of {@code AT+CMGR} and {@code AT+CMGL} answers in PDU mode ({@code +CMGR: <stat>,[<alpha>],<length>},
 * {@code +CMGL: <index>,<stat>,[<alpha>],<length>}); splitting lines into header and PDU, with the modems' quirks
 * (inline PDU, quotes, lower case, truncated last entry), is {@link PduEntry}'s job. Stateless.
 */
final class StoredPduParser {
    private static final String CMGR = "+CMGR:";
    private static final String CMGL = "+CMGL:";

    private StoredPduParser() {
    }

    /** The message in an {@code AT+CMGR=<index>} answer, or empty when the slot was empty (a bare OK). */
    static Optional<StoredPdu> read(int index, AtResponse response) {
        for (PduEntry entry : PduEntry.parse(response, CMGR)) {
            String pdu = normalise(entry.pduHex());
            if (pdu.isEmpty()) {
                return Optional.empty();
            }
            List<String> fields = fields(entry.header(), CMGR);
            return Optional.of(new StoredPdu(index, fields.isEmpty() ? -1 : integer(fields.get(0)), pdu));
        }
        return Optional.empty();
    }

    /** Every message in an {@code AT+CMGL} answer; entries without a readable index are skipped. */
    static List<StoredPdu> list(AtResponse response) {
        List<StoredPdu> out = new ArrayList<>();
        for (PduEntry entry : PduEntry.parse(response, CMGL)) {
            List<String> fields = fields(entry.header(), CMGL);
            int index = fields.isEmpty() ? -1 : integer(fields.get(0));
            if (index < 0) {
                continue;
            }
            int stat = fields.size() > 1 ? integer(fields.get(1)) : -1;
            out.add(new StoredPdu(index, stat, normalise(entry.pduHex())));
        }
        return out;
    }

    /** Hex as the codec and the fingerprint want it: no quotes, no whitespace, upper case. */
    static String normalise(String pdu) {
        StringBuilder out = new StringBuilder(pdu.length());
        for (int i = 0; i < pdu.length(); i++) {
            char c = pdu.charAt(i);
            if (c != '"' && !Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static List<String> fields(String header, String prefix) {
        List<String> fields = new ArrayList<>();
        for (String f : header.substring(prefix.length()).split(",", -1)) {
            fields.add(f.strip());
        }
        return fields;
    }

    private static int integer(String field) {
        if (field.isEmpty() || field.length() > 6) {
            return -1;
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(field);
    }
}
