package dev.callstack.modem.internal.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answers of {@code AT+CMGR} and {@code AT+CMGL} in PDU mode: a header line
 * ({@code +CMGR: <stat>,[<alpha>],<length>} or {@code +CMGL: <index>,<stat>,[<alpha>],<length>}) followed by the PDU
 * line, or (some Telit firmware) the PDU after a space on the header line itself. Tolerates {@code ""} alphas,
 * missing fields, quoted PDUs and a truncated last entry (its PDU is returned as is and fails to decode later).
 * Stateless.
 */
final class StoredPduParser {
    private static final String CMGR = "+CMGR:";
    private static final String CMGL = "+CMGL:";

    private StoredPduParser() {
    }

    /** The message in an {@code AT+CMGR=<index>} answer, or empty when the slot was empty (a bare OK). */
    static Optional<StoredPdu> read(int index, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!startsWith(line, CMGR)) {
                continue;
            }
            Header header = header(line.substring(CMGR.length()));
            String pdu = header.inlinePdu != null ? header.inlinePdu
                    : (i + 1 < lines.size() ? lines.get(i + 1) : "");
            pdu = normalise(pdu);
            if (pdu.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StoredPdu(index, header.fields.isEmpty() ? -1 : integer(header.fields.get(0)),
                    pdu));
        }
        return Optional.empty();
    }

    /** Every message in an {@code AT+CMGL} answer; entries without a readable index are skipped. */
    static List<StoredPdu> list(List<String> lines) {
        List<StoredPdu> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!startsWith(line, CMGL)) {
                continue;
            }
            Header header = header(line.substring(CMGL.length()));
            String pdu;
            if (header.inlinePdu != null) {
                pdu = header.inlinePdu;
            } else if (i + 1 < lines.size() && !startsWith(lines.get(i + 1), CMGL)) {
                pdu = lines.get(++i);
            } else {
                pdu = "";
            }
            int index = header.fields.isEmpty() ? -1 : integer(header.fields.get(0));
            if (index < 0) {
                continue;
            }
            int stat = header.fields.size() > 1 ? integer(header.fields.get(1)) : -1;
            out.add(new StoredPdu(index, stat, normalise(pdu)));
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

    private record Header(List<String> fields, String inlinePdu) {
    }

    private static Header header(String rest) {
        String s = rest.strip();
        String inline = null;
        int lastComma = s.lastIndexOf(',');
        int space = s.indexOf(' ', Math.max(0, lastComma + 1));
        if (space > 0 && !s.substring(space).isBlank()) {
            inline = s.substring(space + 1).strip();
            s = s.substring(0, space);
        }
        List<String> fields = new ArrayList<>();
        for (String f : s.split(",", -1)) {
            fields.add(f.strip());
        }
        return new Header(fields, inline);
    }

    private static int integer(String field) {
        String f = field.strip();
        if (f.isEmpty() || f.length() > 6) {
            return -1;
        }
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) < '0' || f.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(f);
    }

    private static boolean startsWith(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
