package dev.callstack.core.event;

/** Outcome of an SMS as told by a status report (3GPP TS 23.040 TP-Status). */
public enum DeliveryStatus {
    /** The recipient received the message (TP-ST 0x00–0x1F). */
    DELIVERED,
    /** The service centre is still trying (TP-ST 0x20–0x3F). */
    PENDING,
    /** The service centre gave up (TP-ST 0x40–0xFF). */
    FAILED,
    /** No status could be read. */
    UNKNOWN;

    /**
     * Classifies a raw TP-ST octet: 0x00–0x1F delivered, 0x20–0x3F still trying, 0x40–0xFF failed. A value that is not
     * an octet (such as -1, "no status given") is {@link #UNKNOWN}.
     *
     * @param tpStatus the TP-ST octet (0–255), or any other value when none was given
     * @return the classified outcome; never null
     */
    public static DeliveryStatus fromTpStatus(int tpStatus) {
        if (tpStatus < 0 || tpStatus > 0xFF) {
            return UNKNOWN;
        }
        if (tpStatus <= 0x1F) {
            return DELIVERED;
        }
        if (tpStatus <= 0x3F) {
            return PENDING;
        }
        return FAILED;
    }
}
