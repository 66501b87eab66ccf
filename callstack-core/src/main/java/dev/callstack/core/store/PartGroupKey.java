package dev.callstack.core.store;

import dev.callstack.core.Redaction;
import java.util.Objects;

/**
 * What makes parts belong to one concatenated message: sender, reference, part count and reference width.
 * The SMSC is deliberately not part of it (parts of one message can arrive through different centres).
 */
public record PartGroupKey(String sender, int reference, int total, boolean sixteenBitReference) {
    /**
     * Validates a non-null sender, a reference within its width and {@code total} 1–255.
     *
     * @param sender              the originator as received
     * @param reference           the concatenation reference, 0–255 (or 0–65535 when 16-bit)
     * @param total               how many parts the message has, 1–255
     * @param sixteenBitReference the reference came from a 16-bit concatenation header (IEI 0x08)
     */
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
