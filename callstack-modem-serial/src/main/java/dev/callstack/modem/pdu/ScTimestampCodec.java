package dev.callstack.modem.pdu;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TP-SCTS / TP-DT: seven swapped-BCD octets with a quarter-hour zone (3GPP TS 23.040 §9.2.3.11). Stateless.
 *
 * <p>Reading is lenient about the zone only, as AOSP's {@code SmsMessage} and python-gsmmodem are: real service
 * centres send zone octets that are not BCD (python-gsmmodem issue #15: {@code 0xC2} in a status report from
 * Indonesia). Such a zone, or one beyond 18 hours, is reported as unknown and the time is read as UTC; the date
 * and time digits stay strict, because a wrong date would be worse than a message kept undecoded.
 */
final class ScTimestampCodec {
    private static final int MAX_ZONE_QUARTERS = 18 * 4;

    private ScTimestampCodec() {
    }

    /**
     * Reads a timestamp; a zone octet that is not BCD or is beyond 18 hours gives the time at UTC with
     * {@link ScTimestamp#zoneUnknown()} set instead of an error.
     */
    static ScTimestamp read(PduReader reader, String field) throws PduFormatException {
        int at = reader.offset();
        byte[] raw = reader.take(7, field);
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            v[i] = swappedBcd(reader, raw[i], field, at + i);
        }
        int zone = raw[6] & 0xFF;
        // Low nibble: tens digit (bit 3 is the sign); high nibble: units digit.
        int quarters = (zone & 0x07) * 10 + ((zone >> 4) & 0x0F);
        boolean zoneUnknown = (zone >> 4) > 9 || quarters > MAX_ZONE_QUARTERS;
        boolean negative = (zone & 0x08) != 0;
        int offsetSeconds = zoneUnknown ? 0 : (negative ? -quarters : quarters) * 15 * 60;
        try {
            return new ScTimestamp(OffsetDateTime.of(year(v[0]), v[1], v[2], v[3], v[4], v[5], 0,
                    ZoneOffset.ofTotalSeconds(offsetSeconds)), zoneUnknown);
        } catch (DateTimeException e) {
            throw reader.error(field + " is not a valid date and time", at);
        }
    }

    /**
     * Writes {@code time} as seven swapped-BCD octets: seconds precision, the year modulo 100 (so it reads back as
     * written for 1990–2089, see {@link #year}).
     *
     * @throws IllegalArgumentException when the zone offset is not a whole number of quarter hours, or is beyond
     *                                  what the field holds
     */
    static byte[] write(OffsetDateTime time) {
        int seconds = time.getOffset().getTotalSeconds();
        int quarters = Math.abs(seconds) / (15 * 60);
        if (seconds % (15 * 60) != 0 || quarters > MAX_ZONE_QUARTERS) {
            throw new IllegalArgumentException("zone offset " + time.getOffset()
                    + " is not a whole number of quarter hours within 18 h");
        }
        int[] v = {time.getYear() % 100, time.getMonthValue(), time.getDayOfMonth(), time.getHour(),
                time.getMinute(), time.getSecond()};
        byte[] out = new byte[7];
        for (int i = 0; i < 6; i++) {
            out[i] = swappedBcd(v[i]);
        }
        out[6] = (byte) (swappedBcd(quarters) | (seconds < 0 ? 0x08 : 0));
        return out;
    }

    /**
     * 23.040 leaves the century open. SMS began in 1992, so 90–99 are the 1990s (old captures exist, e.g. gammu
     * at-sms/09) and everything else is 20yy; this holds until 2090.
     */
    static int year(int twoDigits) {
        return twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits;
    }

    private static byte swappedBcd(int value) {
        return (byte) ((value % 10) << 4 | value / 10);
    }

    private static int swappedBcd(PduReader reader, byte b, String field, int at) throws PduFormatException {
        int low = b & 0x0F;
        int high = (b >> 4) & 0x0F;
        if (low > 9 || high > 9) {
            throw reader.error(field + " has a non-decimal digit", at);
        }
        return low * 10 + high;
    }
}
