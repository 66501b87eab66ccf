package dev.callstack.core;

/** Network registration state ({@code +CREG}/{@code +CGREG}/{@code +CEREG} stat, 3GPP TS 27.007). */
public enum Registration {
    /** Not registered and not searching (stat 0). */
    NOT_REGISTERED,
    /** Registered on the home network (stat 1, or 6 SMS-only). */
    HOME,
    /** Not registered, searching for an operator (stat 2). */
    SEARCHING,
    /** Registration denied by the network (stat 3). */
    DENIED,
    /** Not reported yet, or a stat this library does not map (4, 8–10 and others). */
    UNKNOWN,
    /** Registered on a roaming network (stat 5, or 7 SMS-only). */
    ROAMING;

    /**
     * Maps a 27.007 stat value; the SMS-only and emergency variants (6–10) fold into home/roaming/unknown.
     *
     * @param stat the {@code <stat>} field of {@code +CREG}/{@code +CGREG}/{@code +CEREG}
     * @return the state; {@link #UNKNOWN} for any value not mapped
     */
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

    /**
     * Whether the modem can use the network (send SMS, place calls).
     *
     * @return true for {@link #HOME} and {@link #ROAMING}
     */
    public boolean isRegistered() {
        return this == HOME || this == ROAMING;
    }
}
