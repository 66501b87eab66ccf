package dev.callstack.modem.pdu;

import java.time.Duration;

/** Relative TP-VP (3GPP TS 23.040 §9.2.3.12.1): a duration rounded up to the next expressible step. Stateless. */
final class ValidityPeriod {
    private static final long TWELVE_HOURS = 12 * 60;
    private static final long ONE_DAY = 24 * 60;
    private static final long THIRTY_DAYS = 30 * ONE_DAY;
    private static final long WEEK = 7 * ONE_DAY;

    private ValidityPeriod() {
    }

    static int relative(Duration validity) {
        long seconds = validity.getSeconds() + (validity.getNano() > 0 ? 1 : 0);
        long minutes = ceilDiv(seconds, 60);
        if (minutes <= TWELVE_HOURS) {
            return (int) Math.max(0, ceilDiv(minutes, 5) - 1);
        }
        if (minutes <= ONE_DAY) {
            return (int) (143 + ceilDiv(minutes - TWELVE_HOURS, 30));
        }
        if (minutes <= THIRTY_DAYS) {
            return (int) (166 + ceilDiv(minutes, ONE_DAY));
        }
        long weeks = ceilDiv(minutes, WEEK);
        return (int) Math.min(255, 192 + weeks);
    }

    /** The duration a relative TP-VP octet stands for. */
    static Duration duration(int vp) {
        if (vp <= 143) {
            return Duration.ofMinutes((vp + 1) * 5L);
        }
        if (vp <= 167) {
            return Duration.ofMinutes(TWELVE_HOURS + (vp - 143) * 30L);
        }
        if (vp <= 196) {
            return Duration.ofDays(vp - 166L);
        }
        return Duration.ofDays((vp - 192L) * 7);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
