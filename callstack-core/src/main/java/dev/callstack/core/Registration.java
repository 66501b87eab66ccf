package dev.callstack.core;

/** Network registration state ({@code +CREG}/{@code +CGREG}/{@code +CEREG} stat, 3GPP TS 27.007). */
public enum Registration {
    NOT_REGISTERED, HOME, SEARCHING, DENIED, UNKNOWN, ROAMING;

    /** Maps a 27.007 stat value; the SMS-only and emergency variants (6–10) fold into home/roaming/unknown. */
    public static Registration fromStat(int stat) {
        return switch (stat) {
            case 0 -> NOT_REGISTERED;
            case 1, 6 -> HOME;
            case 2 -> SEARCHING;
            case 3 -> DENIED;
            case 5, 7 -> ROAMING;
            default -> UNKNOWN;
        };
    }

    public boolean isRegistered() {
        return this == HOME || this == ROAMING;
    }
}
