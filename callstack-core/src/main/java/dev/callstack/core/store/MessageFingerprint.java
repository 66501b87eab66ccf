package dev.callstack.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The dedupe key of an inbound PDU: SHA-256 over where it was read from and the PDU itself, so the same PDU
 * seen again in the same slot (after a crash between store and delete, or on the reconnect sweep) is known,
 * while no message content is kept in clear. Stateless.
 */
public final class MessageFingerprint {
    private MessageFingerprint() {
    }

    /**
     * The fingerprint of one PDU read from one storage slot.
     *
     * @param memory  the storage the PDU was read from ({@code "SM"}, {@code "ME"}, {@code "SR"}), or e.g.
     *                {@code "CMT"} / {@code "CDS"} for PDUs delivered directly
     * @param index   its slot, or -1 when it had none
     * @param pduHex  the PDU as read (case and surrounding whitespace do not matter)
     * @return 64 lower-case hex digits
     */
    public static String of(String memory, int index, String pduHex) {
        String canonical = memory.strip().toUpperCase(Locale.ROOT) + '|' + index + '|'
                + pduHex.strip().toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
