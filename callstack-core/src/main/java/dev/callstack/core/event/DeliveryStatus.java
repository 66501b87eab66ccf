package dev.callstack.core.event;

/** Outcome of an SMS as told by a status report (3GPP TS 23.040 TP-Status). */
public enum DeliveryStatus {
    DELIVERED, PENDING, FAILED, UNKNOWN;

    /**
     * Classifies a raw TP-ST octet: 0x00–0x1F delivered, 0x20–0x3F still trying, 0x40–0xFF failed. A value that is not
     * an octet (such as -1, "no status given") is {@link #UNKNOWN}.
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
