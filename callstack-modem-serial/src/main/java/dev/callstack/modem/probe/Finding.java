package dev.callstack.modem.probe;

import java.util.Objects;

/**
 * One check of a diagnosis.
 *
 * @param check  what was checked ({@code port}, {@code AT}, {@code SIM}, ...)
 * @param status the verdict
 * @param detail what was found, without secrets (no PIN, IMEI, IMSI or ICCID)
 * @param fix    what to do about it, or null when nothing needs doing
 */
public record Finding(String check, Status status, String detail, String fix) {
    /** A check's verdict. */
    public enum Status {
        /** Fine. */
        OK,
        /** Works, but worth a look. */
        WARN,
        /** Stops the modem from working. */
        FAIL
    }

    /**
     * Validates the finding.
     *
     * @param check  what was checked
     * @param status the verdict
     * @param detail what was found
     * @param fix    what to do, or null
     */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (status != Status.OK && fix == null) {
            throw new IllegalArgumentException("a warning or failure needs a fix");
        }
    }
}
