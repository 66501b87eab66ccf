package dev.callstack.modem.internal.sms;

import java.util.concurrent.atomic.AtomicLong;

/** How many inbound PDUs ended how, for logs and tests. Thread-safe. */
final class SmsCounters {
    final AtomicLong received = new AtomicLong();
    final AtomicLong reports = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong undecodable = new AtomicLong();
    final AtomicLong storeFailures = new AtomicLong();
    final AtomicLong partialDeliveries = new AtomicLong();
    /** {@code +CMT}/{@code +CDS} turned away by a full inbound queue: not stored, not acknowledged. */
    final AtomicLong droppedDirect = new AtomicLong();
    /** {@code +CMTI}/{@code +CDSI} turned away by a full inbound queue: left on the modem for the catch-up sweep. */
    final AtomicLong droppedAnnounced = new AtomicLong();

    @Override
    public String toString() {
        return "SmsCounters[received=" + received + ", reports=" + reports + ", duplicates=" + duplicates
                + ", undecodable=" + undecodable + ", storeFailures=" + storeFailures + ", partial="
                + partialDeliveries + ", droppedDirect=" + droppedDirect + ", droppedAnnounced=" + droppedAnnounced + "]";
    }
}
