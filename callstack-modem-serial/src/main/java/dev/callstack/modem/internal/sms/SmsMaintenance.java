package dev.callstack.modem.internal.sms;

import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On connect and at every maintenance tick: full and timed-out multipart groups, then the fingerprints older
 * than {@link SmsSettings#fingerprintRetention()} (independently: a failing group must not stop the pruning).
 *
 * <p>Stateless; runs on the inbound thread.
 */
final class SmsMaintenance {
    private static final Logger log = LoggerFactory.getLogger(SmsMaintenance.class);

    private final MultipartAssembler multipart;
    private final MessageStore store;
    private final Clock clock;
    private final Duration fingerprintRetention;

    SmsMaintenance(MultipartAssembler multipart, MessageStore store, Clock clock, Duration fingerprintRetention) {
        this.multipart = Objects.requireNonNull(multipart, "multipart");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprintRetention = Objects.requireNonNull(fingerprintRetention, "fingerprintRetention");
    }

    void run() {
        try {
            multipart.maintain();
        } catch (MessageStoreException e) {
            log.warn("SMS multipart maintenance failed: {}", e.getClass().getSimpleName());
        }
        try {
            int pruned = store.pruneFingerprints(clock.instant().minus(fingerprintRetention));
            if (pruned > 0) {
                log.debug("Pruned {} dedupe fingerprints older than {}", pruned, fingerprintRetention);
            }
        } catch (MessageStoreException e) {
            log.warn("SMS fingerprint pruning failed: {}", e.getClass().getSimpleName());
        }
    }
}
