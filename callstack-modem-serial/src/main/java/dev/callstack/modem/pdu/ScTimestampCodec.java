package dev.callstack.modem.pdu;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** TP-SCTS / TP-DT: seven swapped-BCD octets with a quarter-hour zone (3GPP TS 23.040 §9.2.3.11). Stateless. */
final class ScTimestampCodec {
    private static final int MAX_ZONE_QUARTERS = 18 * 4;

    private ScTimestampCodec() {
    }

    static OffsetDateTime read(PduReader reader, String field) throws PduFormatException {
        int at = reader.offset();
        byte[] raw = reader.take(7, field);
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            v[i] = swappedBcd(reader, raw[i], field, at + i);
        }
        int zone = raw[6] & 0xFF;
        int quarters = (zone & 0x07) * 10 + ((zone >> 4) & 0x0F);
        if ((zone >> 4) > 9 || quarters > MAX_ZONE_QUARTERS) {
            throw reader.error(field + " has an invalid time zone 0x" + Integer.toHexString(zone), at + 6);
        }
        boolean negative = (zone & 0x08) != 0;
        try {
            return OffsetDateTime.of(year(v[0]), v[1], v[2], v[3], v[4], v[5], 0,
                    ZoneOffset.ofTotalSeconds((negative ? -quarters : quarters) * 15 * 60));
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
