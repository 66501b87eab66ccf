package dev.callstack.modem.internal.sms;

import java.util.Objects;

/**
 * One message as {@code +CMGR}/{@code +CMGL} showed it.
 *
 * @param index  the slot ({@code +CMGL}), or the slot that was read ({@code +CMGR})
 * @param stat   0 received unread, 1 received read, 2 stored unsent, 3 stored sent; -1 when unreadable
 * @param pduHex the PDU, normalised (no quotes, no whitespace)
 */
record StoredPdu(int index, int stat, String pduHex) {
    StoredPdu {
        Objects.requireNonNull(pduHex, "pduHex");
    }

    /** Stat 2 and 3 are our own outgoing drafts, not inbound messages. */
    boolean outgoing() {
        return stat == 2 || stat == 3;
    }

    @Override
    public String toString() {
        return "StoredPdu[index=" + index + ", stat=" + stat + ", hexLength=" + pduHex.length() + "]";
    }
}
