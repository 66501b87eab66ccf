package dev.callstack.modem.internal.sms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text-mode {@code <scts>} ({@code "yy/MM/dd,hh:mm:ss±zz"}, 3GPP TS 27.005 3.3.1): local time and its offset from
 * UTC in quarter hours ({@code +04} is UTC+1). Years are 2000–2099, as in the PDU's semi-octets. Pure.
 */
final class TextModeTimestamp {
    private static final Pattern SCTS = Pattern.compile(
            "(\\d{2})/(\\d{2})/(\\d{2}),(\\d{2}):(\\d{2}):(\\d{2})([+-])(\\d{1,2})");
    /** 3GPP TS 23.040 9.2.3.11: at most ±79 quarter hours; ZoneOffset takes up to ±18 h. */
    private static final int MAX_QUARTERS = 72;

    private TextModeTimestamp() {
    }

    /** The instant, or empty when {@code scts} is not in that form or names no real time. */
    static Optional<Instant> parse(String scts) {
        Matcher m = SCTS.matcher(scts.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int quarters = Integer.parseInt(m.group(8));
        if (quarters > MAX_QUARTERS) {
            return Optional.empty();
        }
        int sign = m.group(7).equals("-") ? -1 : 1;
        try {
            LocalDateTime local = LocalDateTime.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(sign * quarters * 15 * 60)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
