package dev.callstack.core;

/** Network registration state ({@code +CREG}/{@code +CGREG}/{@code +CEREG} stat, 3GPP TS 27.007). */
public enum Registration {
    /**
     * Not registered and not searching (stat 0), or attached for emergency bearer services only (stat 8): no normal
     * service, so no SMS and no ordinary calls.
     */
    NOT_REGISTERED,
    /** Registered on the home network (stat 1, 6 SMS-only, or 9 CSFB not preferred). */
    HOME,
    /** Not registered, searching for an operator (stat 2). */
    SEARCHING,
    /** Registration denied by the network (stat 3). */
    DENIED,
    /** Not reported yet, stat 4 (unknown, e.g. out of coverage), or a stat 27.007 does not define. */
    UNKNOWN,
    /** Registered on a roaming network (stat 5, 7 SMS-only, or 10 CSFB not preferred). */
    ROAMING;

    /**
     * Maps a 27.007 stat value. The SMS-only (6, 7) and "CSFB not preferred" (9, 10) variants are registrations and
     * fold into {@link #HOME}/{@link #ROAMING}; "emergency bearer services only" (8) is {@link #NOT_REGISTERED},
     * because the modem has no normal service.
     *
     * @param stat the {@code <stat>} field of {@code +CREG}/{@code +CGREG}/{@code +CEREG}
     * @return the state; {@link #UNKNOWN} for any value not mapped
     */
    public static Registration fromStat(int stat) {
        return switch (stat) {
            case 0, 8 -> NOT_REGISTERED;
            case 1, 6, 9 -> HOME;
            case 2 -> SEARCHING;
            case 3 -> DENIED;
            case 5, 7, 10 -> ROAMING;
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
