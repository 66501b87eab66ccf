package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.modem.internal.ModemStateHolder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every message in each storage in use ({@code AT+CMGL=4}, which also marks them read) and handles each
 * exactly like a {@code +CMTI} — messages that arrived while nobody listened or whose {@code +CMTI} was lost, and
 * messages a crash left behind between store and delete (their fingerprints are known: deleted, not emitted again).
 * Runs on every connect, periodically, and at once on a storage-full signal ({@link InboundWorker#requestSweep}).
 * Afterwards the read storage's fill ({@code AT+CPMS?}) and the time are reported to the modem status.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class StorageSweeper {
    private static final Logger log = LoggerFactory.getLogger(StorageSweeper.class);

    private final ModemStorage storage;
    private final SlotProcessor slots;
    private final ModemStateHolder status;
    private final Clock clock;
    // Written on the inbound thread; read by the memory-full hook, which a sweep's own commands may trigger.
    private volatile boolean running;

    StorageSweeper(ModemStorage storage, SlotProcessor slots, ModemStateHolder status, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void sweep(List<String> storages) {
        String home = storage.current();
        running = true;
        try {
            for (String name : storage.inUse(storages)) {
                sweepOne(name);
            }
        } finally {
            try {
                storage.select(home);
            } finally {
                running = false;
            }
        }
        report();
    }

    /** Whether a sweep is under way: a "memory full" it meets itself needs no second sweep (nor could end one). */
    boolean running() {
        return running;
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

    private void report() {
        try {
            Optional<StorageUsage> usage = storage.usage();
            usage.ifPresent(u -> status.storage(u.used(), u.total()));
        } catch (CallstackException e) {
            log.debug("Could not read the storage fill: {}", e.getClass().getSimpleName());
        }
        status.swept(clock.instant());
    }
}
