package dev.callstack.modem.internal.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a PDU-mode read ({@code +CMGR}/{@code +CMGL}): the header line and its PDU as upper-case hex, with the
 * quirks of real modems undone (header and PDU on one line separated by a space, a quoted PDU, lower-case hex).
 *
 * @param header the header line, without an inline PDU
 * @param pduHex the PDU, or the empty string when the entry had none (an empty slot, a truncated list)
 */
public record PduEntry(String header, String pduHex) {
    public PduEntry {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(pduHex, "pduHex");
    }

    /** Splits the lines of a {@link AtCommand#pduRead} answer into entries for {@code prefix} (e.g. {@code +CMGL:}). */
    public static List<PduEntry> parse(AtResponse response, String prefix) {
        List<PduEntry> out = new ArrayList<>();
        List<String> lines = response.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String tail = comma < 0 ? "" : line.substring(comma + 1).strip();
            int space = tail.indexOf(' ');
            if (space > 0) {
                out.add(new PduEntry(line.substring(0, comma + 1) + tail.substring(0, space),
                        clean(tail.substring(space + 1))));
                continue;
            }
            String pdu = "";
            if (i + 1 < lines.size() && !lines.get(i + 1).regionMatches(true, 0, prefix, 0, prefix.length())) {
                pdu = clean(lines.get(++i));
            }
            out.add(new PduEntry(line, pdu));
        }
        return out;
    }

    private static String clean(String pdu) {
        String s = pdu.strip();
        if (s.startsWith("\"")) {
            s = s.substring(1);
        }
        if (s.endsWith("\"")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PduEntry[" + header.length() + " chars header, pdu " + pduHex.length() + " hex chars]";
    }
}
