package dev.callstack.modem.internal.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the SMS service.
 *
 * @param reassemblyTimeout   how long an incomplete multipart message waits for its missing parts before it is
 *                            delivered as partial; default 24 h
 * @param maxOpenGroups       at most this many incomplete multipart messages are kept; beyond it the oldest is
 *                            delivered as partial; default 256
 * @param maintenanceInterval how often the reassembly timeout is checked, full groups are completed and old
 *                            fingerprints are pruned; default 1 min
 * @param sendTimeout         how long one {@code AT+CMGS} exchange may take (networks can take a minute); default 60 s
 * @param maxQueuedSends      sends waiting behind the one in progress; more are rejected; default 64
 * @param fingerprintRetention how long the dedupe fingerprint of an inbound PDU is kept; default
 *                            {@value #DEFAULT_FINGERPRINT_RETENTION_DAYS} days. Every maintenance tick forgets older
 *                            ones ({@code MessageStore.pruneFingerprints}), so the table stays bounded. A PDU seen
 *                            again after that long (one whose {@code AT+CMGD} kept failing, or a network
 *                            redelivery that late) would be taken as new; an undecodable PDU left on the SIM is
 *                            logged once more. Must be longer than {@code reassemblyTimeout}, so the fingerprints
 *                            of an open group's parts outlive the group.
 * @param sweepInterval       how often every storage in use is read, stored and emptied whether or not its
 *                            {@code +CMTI} came ({@code +CMTI} is lost in the field: URC port routing, a refused
 *                            {@code CNMI}, a reconnect); default 60 s; {@link Duration#ZERO} turns the periodic sweep
 *                            off (the sweep on connect and on storage-full signals stays)
 * @param deleteOutgoing      whether stored drafts and sent copies ({@code <stat>} 2 and 3) found by a sweep are
 *                            deleted from the modem, so they cannot fill it; default true
 * @param sendRatePerMinute   how many outbox messages go to the modem per minute at most; 0 means no limit; default
 *                            20 (the server's {@code --send-rate})
 */
public record SmsSettings(Duration reassemblyTimeout, int maxOpenGroups, Duration maintenanceInterval,
                          Duration sendTimeout, int maxQueuedSends, Duration fingerprintRetention,
                          Duration sweepInterval, boolean deleteOutgoing, int sendRatePerMinute) {
    public static final int DEFAULT_FINGERPRINT_RETENTION_DAYS = 90;
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_SEND_RATE = 20;

    public SmsSettings {
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("sweepInterval must not be negative");
        }
        positive(reassemblyTimeout, "reassemblyTimeout");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(sendTimeout, "sendTimeout");
        positive(fingerprintRetention, "fingerprintRetention");
        if (sendRatePerMinute < 0) {
            throw new IllegalArgumentException("sendRatePerMinute must not be negative");
        }
        if (maxOpenGroups < 1 || maxQueuedSends < 1) {
            throw new IllegalArgumentException("maxOpenGroups and maxQueuedSends must be positive");
        }
        if (fingerprintRetention.compareTo(reassemblyTimeout) <= 0) {
            throw new IllegalArgumentException("fingerprintRetention must be longer than reassemblyTimeout");
        }
    }

    /** The settings as they were before the fingerprint retention was configurable: it is the default. */
    public SmsSettings(Duration reassemblyTimeout, int maxOpenGroups, Duration maintenanceInterval,
                       Duration sendTimeout, int maxQueuedSends) {
        this(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                Duration.ofDays(DEFAULT_FINGERPRINT_RETENTION_DAYS));
    }

    /** The settings as they were before the periodic sweep: the sweep and the outgoing deletes are the defaults. */
    public SmsSettings(Duration reassemblyTimeout, int maxOpenGroups, Duration maintenanceInterval,
                       Duration sendTimeout, int maxQueuedSends, Duration fingerprintRetention) {
        this(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends, fingerprintRetention,
                DEFAULT_SWEEP_INTERVAL, true, DEFAULT_SEND_RATE);
    }

    public static SmsSettings defaults() {
        return new SmsSettings(Duration.ofHours(24), 256, Duration.ofMinutes(1), Duration.ofSeconds(60), 64);
    }

    public SmsSettings withReassembly(Duration timeout, int maxGroups, Duration checkInterval) {
        return new SmsSettings(timeout, maxGroups, checkInterval, sendTimeout, maxQueuedSends, fingerprintRetention,
                sweepInterval, deleteOutgoing, sendRatePerMinute);
    }

    public SmsSettings withSendTimeout(Duration timeout) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, timeout, maxQueuedSends,
                fingerprintRetention, sweepInterval, deleteOutgoing, sendRatePerMinute);
    }

    public SmsSettings withFingerprintRetention(Duration retention) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                retention, sweepInterval, deleteOutgoing, sendRatePerMinute);
    }

    /** {@link Duration#ZERO}: no periodic sweep. */
    public SmsSettings withSweepInterval(Duration interval) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                fingerprintRetention, interval, deleteOutgoing, sendRatePerMinute);
    }

    /** Whether drafts and sent copies ({@code <stat>} 2/3) found in storage are deleted. */
    public SmsSettings withDeleteOutgoing(boolean delete) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                fingerprintRetention, sweepInterval, delete, sendRatePerMinute);
    }

    /** Outbox messages per minute; 0: no limit. */
    public SmsSettings withSendRate(int perMinute) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                fingerprintRetention, sweepInterval, deleteOutgoing, perMinute);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
