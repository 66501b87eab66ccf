package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every connect: lists every message in each inbound storage ({@code AT+CMGL=4}, which also marks them read)
 * and handles each exactly like a {@code +CMTI} — messages that arrived while nobody listened, and messages a crash
 * left behind between store and delete (their fingerprints are known: deleted, not emitted again).
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class StorageSweeper {
    private static final Logger log = LoggerFactory.getLogger(StorageSweeper.class);

    private final ModemStorage storage;
    private final SlotProcessor slots;

    StorageSweeper(ModemStorage storage, SlotProcessor slots) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    void sweep(List<String> storages) {
        String home = storage.current();
        try {
            for (String name : storages) {
                sweepOne(name);
            }
        } finally {
            storage.select(home);
        }
    }

    private void sweepOne(String name) {
        List<StoredPdu> entries;
        try {
            storage.select(name);
            entries = storage.listAll();
        } catch (CallstackException e) {
            log.warn("Could not list storage {}: {}", name, e.getClass().getSimpleName());
            return;
        }
        int handled = 0;
        int kept = 0;
        for (StoredPdu entry : entries) {
            if (slots.process(entry).mayDelete()) {
                handled++;
            } else {
                kept++;
            }
        }
        if (!entries.isEmpty()) {
            log.info("Swept storage {}: {} handled, {} kept", name, handled, kept);
        }
    }
}
