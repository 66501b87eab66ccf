package dev.callstack.modem.internal.at;

import dev.callstack.core.Redaction;
import dev.callstack.modem.pdu.PduHex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one redaction rule for AT traffic in logs: PINs, numbers, PDUs, USSD codes and text, DTMF digits and
 * identity numbers (IMEI/IMSI/ICCID) never leave this class in clear. Built on {@link Redaction}.
 *
 * <p>Pure and stateless.
 */
public final class AtLogRedactor {
    private static final Set<String> HARMLESS_TOKENS = Set.of("SM", "ME", "MT", "SR", "BM", "SL", "GSM", "IRA",
            "UCS2", "UTF-8", "READY", "SIM PIN", "SIM PUK", "REC READ", "REC UNREAD", "STO SENT", "STO UNSENT");
    /** Lines naming the other party: besides the number, a quoted field is the phonebook name of a person. */
    private static final List<String> PARTY_PREFIXES = List.of("+CLIP:", "+CCWA:", "+CLCC:", "+COLP:", "+CNUM:");
    /** Answers carrying an identity number (IMEI, IMSI, ICCID): everything after the name goes. */
    private static final List<String> IDENTITY_PREFIXES = List.of("+CGSN:", "+CIMI:", "+CCID:", "+ICCID:",
            "+QCCID:", "^ICCID:", "#CCID:", "+GSN:", "IMEI:", "IMEISV:");
    /** DTMF detection URCs: the digit the caller pressed (a PIN, an account number) goes. */
    private static final List<String> DTMF_PREFIXES = List.of("+DTMF:", "+RXDTMF:", "+QTONEDET:", "#DTMFEV:");
    /** A bare IMEI (15 digits), IMSI (up to 15) or ICCID (19-20, maybe ending in F): redacted whole. */
    private static final Pattern BARE_IDENTITY = Pattern.compile(
            "\"?\\d{14,22}[Ff]?\"?");
    private static final int MIN_HEX_PAYLOAD = 16;
    private static final int MIN_SECRET_DIGITS = 6;

    private AtLogRedactor() {
    }

    /** A command line as we send it (or as the modem echoes it). */
    public static String command(String text) {
        if (text == null) {
            return Redaction.UNKNOWN;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ATD")) {
            String number = text.substring(3).replace(";", "");
            return "ATD" + Redaction.phone(number) + (text.endsWith(";") ? ";" : "");
        }
        if (upper.startsWith("AT+CPIN=") || upper.startsWith("AT+CPWD") || upper.startsWith("AT+CLCK")) {
            return text.substring(0, text.indexOf('=') < 0 ? text.length() : text.indexOf('=') + 1)
                    + Redaction.REDACTED;
        }
        if (upper.startsWith("AT+VTS=") || upper.startsWith("AT+CUSD=")) {
            int comma = text.indexOf(',');
            String head = upper.startsWith("AT+CUSD=") && comma > 0 ? text.substring(0, comma + 1) : text.substring(0,
                    text.indexOf('=') + 1);
            return head + Redaction.REDACTED;
        }
        return redactFields(text, false);
    }

    /** A line received from the modem. */
    public static String response(String line) {
        if (line == null) {
            return Redaction.UNKNOWN;
        }
        String stripped = line.strip();
        if (stripped.regionMatches(true, 0, "AT", 0, 2)) {
            return command(stripped);
        }
        for (String prefix : DTMF_PREFIXES) {
            if (stripped.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return stripped.substring(0, prefix.length()) + " " + Redaction.REDACTED;
            }
        }
        for (String prefix : IDENTITY_PREFIXES) {
            if (stripped.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return stripped.substring(0, prefix.length()) + " " + Redaction.REDACTED;
            }
        }
        if (BARE_IDENTITY.matcher(stripped).matches()) {
            return Redaction.REDACTED;
        }
        if (PduHex.isHexDigits(stripped) && stripped.length() >= MIN_HEX_PAYLOAD) {
            return "[hex " + stripped.length() + " chars]";
        }
        if (stripped.regionMatches(true, 0, "+CUSD:", 0, 6)) {
            String rest = stripped.substring(6).strip();
            int comma = rest.indexOf(',');
            return "+CUSD: " + (comma < 0 ? rest : rest.substring(0, comma) + "," + Redaction.REDACTED);
        }
        boolean party = PARTY_PREFIXES.stream().anyMatch(prefix -> stripped.regionMatches(true, 0, prefix, 0,
                prefix.length()));
        return redactFields(line, party);
    }

    /** Quoted strings and long digit runs are the places numbers and identities live. */
    private static String redactFields(String text, boolean namesArePersonal) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                String inner = end < 0 ? text.substring(i + 1) : text.substring(i + 1, end);
                out.append('"').append(namesArePersonal && !inner.isEmpty() && countDigits(inner) == 0
                        ? Redaction.REDACTED : redactQuoted(inner));
                if (end >= 0) {
                    out.append('"');
                }
                i = end < 0 ? text.length() : end + 1;
            } else if (c >= '0' && c <= '9') {
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                String run = text.substring(i, end);
                // Numbers and identities are (nearly) all digits; firmware names like 1418B04SIM800L24 are not.
                boolean secret = countDigits(run) >= MIN_SECRET_DIGITS && run.length() - countDigits(run) <= 1;
                out.append(secret ? Redaction.phone(run) : run);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String redactQuoted(String inner) {
        if (inner.isEmpty() || HARMLESS_TOKENS.contains(inner.toUpperCase(Locale.ROOT))) {
            return inner;
        }
        if (countDigits(inner) == 0) {
            return inner.length() <= 24 ? inner : Redaction.REDACTED;
        }
        if (PduHex.isHexDigits(inner) && inner.length() >= MIN_HEX_PAYLOAD) {
            return "[hex " + inner.length() + " chars]";
        }
        return Redaction.phone(inner);
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n++;
            }
        }
        return n;
    }
}
