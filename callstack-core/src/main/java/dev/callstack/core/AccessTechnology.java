package dev.callstack.core;

/** The radio access technology a modem is registered on, from the {@code <AcT>} field of 3GPP TS 27.007. */
public enum AccessTechnology {
    /** GSM, GSM compact, EGPRS, EC-GSM-IoT ({@code <AcT>} 0, 1, 3, 8). */
    GSM,
    /** UTRAN with or without HSPA ({@code <AcT>} 2, 4, 5, 6). */
    UMTS,
    /** E-UTRAN, NB-IoT, E-UTRA on a 5G core ({@code <AcT>} 7, 9, 10). */
    LTE,
    /** NR and E-UTRA–NR dual connectivity ({@code <AcT>} 11, 12, 13). */
    NR,
    /** Not reported, or a value this library does not map. */
    UNKNOWN;

    /**
     * Maps a 27.007 {@code <AcT>} value.
     *
     * @param act the {@code <AcT>} field of {@code +CREG}/{@code +CGREG}/{@code +CEREG}/{@code +C5GREG}/{@code +COPS}
     * @return the technology; {@link #UNKNOWN} for a negative (absent) or unmapped value
     */
    public static AccessTechnology fromAct(int act) {
        return switch (act) {
            case 0, 1, 3, 8 -> GSM;
            case 2, 4, 5, 6 -> UMTS;
            case 7, 9, 10 -> LTE;
            case 11, 12, 13 -> NR;
            default -> UNKNOWN;
        };
    }
}
