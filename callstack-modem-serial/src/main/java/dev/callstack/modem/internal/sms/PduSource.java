package dev.callstack.modem.internal.sms;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a PDU was read from: a storage and slot ({@code "SM"}, 3), or a direct notification ({@code "CMT"} /
 * {@code "CDS"}, slot -1). Part of the dedupe fingerprint.
 */
record PduSource(String storage, int index) {
    static final String DIRECT_MESSAGE = "CMT";
    static final String DIRECT_REPORT = "CDS";

    PduSource {
        Objects.requireNonNull(storage, "storage");
        storage = storage.strip().toUpperCase(Locale.ROOT);
    }

    static PduSource direct(String kind) {
        return new PduSource(kind, -1);
    }

    boolean stored() {
        return index >= 0;
    }

    @Override
    public String toString() {
        return stored() ? storage + " slot " + index : storage;
    }
}
