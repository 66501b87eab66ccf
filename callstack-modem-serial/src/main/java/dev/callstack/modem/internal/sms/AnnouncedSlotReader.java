package dev.callstack.modem.internal.sms;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the slot a {@code +CMTI} or {@code +CDSI} named, from the storage it named.
 *
 * <p>The "SR" fallback: some Quectel firmware (EC25, asterisk-chan-quectel PR #75) stores a status report in "SR"
 * but announces it as {@code +CDSI: "SM",n}; {@code AT+CMGR=n} on "SM" then answers an empty OK, or an unrelated
 * message. So when a report was announced in a storage other than "SR" and the slot held no status report, the
 * same slot is read from "SR" ({@code AT+CPMS="SR"}, read, delete) and the previous storage is selected again.
 * Whatever the "SM" slot held is handled like any stored message (dedupe makes that safe).
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class AnnouncedSlotReader {
    private static final Logger log = LoggerFactory.getLogger(AnnouncedSlotReader.class);

    private final ModemStorage storage;
    private final SlotProcessor slots;

    AnnouncedSlotReader(ModemStorage storage, SlotProcessor slots) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    /** {@code +CMTI: "<storage>",<index>}; a message announced in "SR" is a status report. */
    void onNewMessage(String announced, int index) {
        String home = storage.current();
        try {
            if (ModemStorage.STATUS_REPORTS.equals(storage.resolve(announced))) {
                readReport(announced, index);
                return;
            }
            // "ME"/"MT" as well as "SM": read from the storage named, then back to the home storage (finally).
            storage.noteAnnounced(announced);
            storage.select(announced);
            Optional<StoredPdu> entry = storage.read(index);
            if (entry.isEmpty()) {
                log.debug("{} slot {} was empty when read", storage.current(), index);
                return;
            }
            slots.process(entry.get());
        } finally {
            // The sweep after a reconnect lists whatever mem1 is: keep it the inbound storage.
            storage.select(home);
        }
    }

    /** {@code +CDSI: "<storage>",<index>} (or {@code +CMTI: "SR",<index>}). */
    void onStoredReport(String announced, int index) {
        String home = storage.current();
        try {
            readReport(announced, index);
        } finally {
            storage.select(home);
        }
    }

    private void readReport(String announced, int index) {
        storage.select(announced);
        Optional<StoredPdu> entry = storage.read(index);
        if (entry.isPresent() && slots.process(entry.get()).statusReport()) {
            return;
        }
        if (ModemStorage.STATUS_REPORTS.equals(storage.current())) {
            log.debug("SR slot {} held no status report", index);
            return;
        }
        String previous = storage.current();
        log.debug("Report announced in {} slot {} is not there; reading SR", previous, index);
        try {
            storage.select(ModemStorage.STATUS_REPORTS);
            storage.read(index).ifPresent(slots::process);
        } finally {
            storage.select(previous);
        }
    }
}
