package dev.callstack.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A PDU that could not be decoded, kept so it can leave the modem's storage (which it would otherwise fill) without
 * being lost: the raw hex is content, erased by retention like message bodies.
 *
 * @param storage where it was read from ({@code "SM"}, {@code "ME"}, or {@code "CMT"} for a direct delivery)
 * @param index   the storage slot, or -1 for a direct delivery
 * @param pduHex  the PDU as read, in hex (empty once erased)
 * @param reason  why it did not decode (a field and an offset, never content)
 * @param seenAt  when Callstack read it
 */
public record UndecodablePdu(String storage, int index, String pduHex, String reason, Instant seenAt) {
    /**
     * Validates that every field but {@code index} is not null.
     *
     * @param storage where it was read from ({@code "SM"}, {@code "ME"}, or {@code "CMT"} for a direct delivery)
     * @param index   the storage slot, or -1 for a direct delivery
     * @param pduHex  the PDU as read, in hex (empty once erased)
     * @param reason  why it did not decode (a field and an offset, never content)
     * @param seenAt  when Callstack read it
     */
    public UndecodablePdu {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(pduHex, "pduHex");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    @Override
    public String toString() {
        return "UndecodablePdu[storage=" + storage + ", index=" + index + ", hexLength=" + pduHex.length()
                + ", reason=" + reason + "]";
    }
}
