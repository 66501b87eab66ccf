package dev.callstack.core.store;

import dev.callstack.core.Redaction;
import java.util.Objects;

/**
 * What makes parts belong to one concatenated message: sender, reference, part count and reference width.
 * The SMSC is deliberately not part of it (parts of one message can arrive through different centres).
 */
public record PartGroupKey(String sender, int reference, int total, boolean sixteenBitReference) {
    public PartGroupKey {
        Objects.requireNonNull(sender, "sender");
        if (reference < 0 || reference > (sixteenBitReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("reference out of range");
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("total must be 1..255");
        }
    }

    @Override
    public String toString() {
        return "PartGroupKey[" + Redaction.phone(sender) + ", ref=" + reference + ", total=" + total
                + (sixteenBitReference ? ", 16-bit" : "") + "]";
    }
}
