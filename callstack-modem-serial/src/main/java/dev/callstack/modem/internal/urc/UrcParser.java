package dev.callstack.modem.internal.urc;

import dev.callstack.core.event.DtmfReceived;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one unsolicited line into a {@link Urc}. Never throws: a line it cannot read becomes {@link Urc.Unknown}
 * carrying only the line's prefix, so logging it cannot leak what the line said.
 *
 * <p>Pure and stateless; the two-line {@code +CMT}/{@code +CDS} are returned as a header (see {@link UrcAssembler}).
 */
public final class UrcParser {
    private static final Set<String> INFO_LINES = Set.of("MO RING", "NORMAL POWER DOWN", "UNDER-VOLTAGE WARNNING", "UNDER-VOLTAGE WARNING",
            "UNDER-VOLTAGE POWER DOWN", "OVER-VOLTAGE WARNNING", "OVER-VOLTAGE POWER DOWN", "+CPIN: NOT READY",
            "OK", "ERROR");
    private static final Set<String> INFO_PREFIXES = Set.of("+CIEV", "^CIEV", "^SYSINFO", "^RSSI",
            "^MODE", "^BOOT", "+QIND", "+CGEV", "+CTZV", "+CTZE", "*PSUTTZ", "DST", "+CLCC", "+CSSI",
            "+CSSU", "+CPMS", "+CSQ", "+CMGS", "+COPS", "+CME ERROR", "+CMS ERROR");

    private UrcParser() {
    }

    public static Urc parse(String rawLine) {
        try {
            return parseOrThrow(rawLine.strip());
        } catch (RuntimeException e) {
            return new Urc.Unknown(label(rawLine.strip()));
        }
    }

    private static Urc parseOrThrow(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "RING" -> {
                return new Urc.Ring();
            }
            case "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE" -> {
                return new Urc.CallEnded(upper);
            }
            case "VOICE CALL: BEGIN", "MO CONNECTED" -> {
                return new Urc.CallConnected();
            }
            default -> {
                // a URC with fields: matched by prefix below
            }
        }
        if (upper.startsWith("VOICE CALL: END")) {
            return new Urc.CallEnded("VOICE CALL: END");
        }
        if (upper.startsWith("MISSED_CALL")) {
            return new Urc.CallMissed();
        }
        if (upper.startsWith("+CRING:")) {
            return new Urc.Ring();
        }
        if (upper.startsWith("+CCWA:")) {
            return new Urc.CallWaiting();
        }
        if (upper.startsWith("+CLIP:")) {
            return clip(line);
        }
        if (upper.startsWith("^CONN:")) {
            return new Urc.CallConnected();
        }
        if (upper.startsWith("^CEND:")) {
            return new Urc.CallEnded("^CEND");
        }
        if (upper.startsWith("^ORIG:") || upper.startsWith("^CONF:")) {
            // Huawei: the call was originated / the remote side is alerting; both are still DIALING.
            return new Urc.Info(prefix(upper));
        }
        if (upper.startsWith("+DTMF:") || upper.startsWith("+RXDTMF:") || upper.startsWith("#DTMFEV:")) {
            return dtmf(line);
        }
        if (upper.startsWith("+QTONEDET:")) {
            return toneDetected(line);
        }
        if (upper.startsWith("+CUSD:")) {
            return ussd(line);
        }
        if (upper.startsWith("+CREG:") || upper.startsWith("+CGREG:") || upper.startsWith("+CEREG:")
                || upper.startsWith("+C5GREG:")) {
            return new Urc.NetworkRegistration(RegistrationParser.type(upper), RegistrationParser.stat(line),
                    RegistrationParser.act(line));
        }
        if (upper.startsWith("+CPIN:")) {
            return new Urc.PinStatus(AtFields.params(line).strip().toUpperCase(Locale.ROOT));
        }
        if (upper.startsWith("+CSQN:")) {
            return signal(line);
        }
        if (upper.startsWith("+CMTI:") || upper.startsWith("+CDSI:")) {
            return stored(line, upper.startsWith("+CDSI:"));
        }
        if (upper.startsWith("^SMMEMFULL")) {
            return new Urc.Sms(new SmsUrc.StorageFull("^SMMEMFULL"));
        }
        if ((upper.startsWith("+CIEV:") || upper.startsWith("+QIND:")) && smsFull(line)) {
            return new Urc.Sms(new SmsUrc.StorageFull(upper.startsWith("+QIND:") ? "+QIND smsfull" : "+CIEV SMSFULL"));
        }
        if (upper.startsWith("+CMT:")) {
            return cmtHeader(line);
        }
        if (upper.startsWith("+CDS:")) {
            return cdsHeader(line);
        }
        Optional<BootLines.Entry> boot = BootLines.match(upper);
        if (boot.isPresent()) {
            return new Urc.Boot(boot.get().line(), boot.get().kind());
        }
        if (INFO_LINES.contains(upper)) {
            return new Urc.Info(upper);
        }
        String prefix = prefix(upper);
        if (prefix != null && INFO_PREFIXES.contains(prefix)) {
            return new Urc.Info(prefix);
        }
        return new Urc.Unknown(label(line));
    }

    /** True when the line is a URC we know (so it is never taken as part of a free-text answer). */
    public static boolean isKnown(String line) {
        return !(parse(line) instanceof Urc.Unknown);
    }

    private static Urc clip(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        return new Urc.Clip(AtFields.unquote(fields.get(0)));
    }

    /**
     * {@code +DTMF: 5}, {@code +DTMF:5}, {@code +DTMF: 1,40} (SIM800 report mode 1: key and duration in ms),
     * {@code +RXDTMF: 5} (SIM7x00), {@code #DTMFEV: 5} (Telit). A single-frequency tone ({@code +DTMF:1400}) is not a
     * key.
     */
    private static Urc dtmf(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        String value = AtFields.unquote(fields.get(0).strip()).toUpperCase(Locale.ROOT);
        if (value.length() == 1 && DtmfReceived.isDtmf(value.charAt(0))) {
            return new Urc.Dtmf(value.charAt(0));
        }
        return new Urc.Unknown("+DTMF");
    }

    /** Quectel {@code +QTONEDET: <code>}: the key as its ASCII code ({@code 53} is {@code 5}, {@code 35} is #). */
    private static Urc toneDetected(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        int code = AtFields.intOrMinus(fields.get(0));
        if (code > 0 && code < 128 && DtmfReceived.isDtmf((char) code)) {
            return new Urc.Dtmf((char) code);
        }
        return new Urc.Unknown("+QTONEDET");
    }

    private static Urc ussd(String line) {
        String params = AtFields.params(line).strip();
        int comma = params.indexOf(',');
        String statusField = comma < 0 ? params : params.substring(0, comma);
        int status = AtFields.intOrMinus(statusField);
        if (status < 0 || status > 5) {
            return new Urc.Unknown("+CUSD");
        }
        if (comma < 0) {
            return new Urc.Ussd(status, null, -1);
        }
        String rest = params.substring(comma + 1).strip();
        String text;
        int dcs = -1;
        if (rest.startsWith("\"")) {
            int close = rest.lastIndexOf('"');
            if (close > 0) {
                text = rest.substring(1, close);
                String tail = rest.substring(close + 1).strip();
                if (tail.startsWith(",")) {
                    dcs = AtFields.intOrMinus(tail.substring(1));
                }
            } else {
                text = rest.substring(1);
            }
        } else {
            int lastComma = rest.lastIndexOf(',');
            if (lastComma >= 0 && AtFields.intOrMinus(rest.substring(lastComma + 1)) >= 0) {
                dcs = AtFields.intOrMinus(rest.substring(lastComma + 1));
                text = rest.substring(0, lastComma).strip();
            } else {
                text = rest;
            }
        }
        if (dcs > 255) {
            dcs = -1;
        }
        String message = text.isEmpty() ? null : UssdTextDecoder.decode(text, dcs);
        return new Urc.Ussd(status, message, dcs);
    }

    private static Urc signal(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        int rssi = AtFields.intOrMinus(fields.get(0));
        int ber = fields.size() > 1 ? AtFields.intOrMinus(fields.get(1)) : 99;
        if (rssi < 0 || (rssi > 31 && rssi != 99)) {
            return new Urc.Unknown("+CSQN");
        }
        if (ber < 0 || (ber > 7 && ber != 99)) {
            ber = 99;
        }
        return new Urc.Signal(rssi, ber);
    }

    private static Urc stored(String line, boolean report) {
        List<String> fields = AtFields.split(AtFields.params(line));
        if (fields.size() < 2) {
            return new Urc.Unknown(report ? "+CDSI" : "+CMTI");
        }
        String storage = AtFields.unquote(fields.get(0)).toUpperCase(Locale.ROOT);
        int index = AtFields.intOrMinus(fields.get(1));
        if (index < 0) {
            return new Urc.Unknown(report ? "+CDSI" : "+CMTI");
        }
        if (report || storage.equals("SR")) {
            return new Urc.Sms(new SmsUrc.StatusReportStored(storage, index));
        }
        return new Urc.Sms(new SmsUrc.NewMessage(storage, index));
    }

    private static Urc cmtHeader(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        int length = AtFields.intOrMinus(fields.get(fields.size() - 1));
        if (fields.size() <= 2 && length >= 0) {
            return new Urc.SmsPduHeader(false, length);
        }
        return textHeader(fields);
    }

    /**
     * {@code +CMT: "<oa>",[<alpha>],"<scts>"[,<tooa>,...]}: the time stamp itself holds a comma
     * ({@code "26/11/21,10:00:00+04"}), which {@link AtFields#split} keeps inside its quotes.
     */
    private static Urc textHeader(List<String> fields) {
        String originator = AtFields.unquote(fields.get(0));
        String scts = fields.size() > 2 ? AtFields.unquote(fields.get(2)) : "";
        return new Urc.TextModeSms(originator, scts);
    }

    /**
     * {@code +CIEV: "SMSFULL",1} (SIMCom names its indicator) or Quectel's {@code +QIND: "smsfull","SM"} (after
     * {@code AT+QINDCFG="smsfull",1}). A numbered {@code +CIEV: <ind>,<value>} depends on the order {@code AT+CIND=?}
     * lists, so it is not taken as storage full.
     */
    private static boolean smsFull(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        if (fields.size() < 2 || !AtFields.unquote(fields.get(0)).equalsIgnoreCase("SMSFULL")) {
            return false;
        }
        // +CIEV carries the indicator's value (1 full, 0 no longer full); +QIND names the full storage.
        return AtFields.isQuoted(fields.get(1)) || AtFields.intOrMinus(fields.get(1)) == 1;
    }

    private static Urc cdsHeader(String line) {
        List<String> fields = AtFields.split(AtFields.params(line));
        int length = AtFields.intOrMinus(fields.get(0));
        if (fields.size() == 1 && length >= 0) {
            return new Urc.SmsPduHeader(true, length);
        }
        return new Urc.Info("+CDS text mode");
    }

    private static String prefix(String upper) {
        int colon = upper.indexOf(':');
        if (colon <= 0 || colon > 16) {
            return null;
        }
        return upper.substring(0, colon).strip();
    }

    /** A safe name for a line: its short alphanumeric prefix, or just its length. */
    static String label(String line) {
        String p = prefix(line.toUpperCase(Locale.ROOT));
        if (p != null && p.chars().allMatch(c -> c == '+' || c == '^' || c == '*' || c == '_' || c == '-'
                || Character.isLetterOrDigit(c))) {
            return p;
        }
        return "<" + line.length() + " chars>";
    }
}
