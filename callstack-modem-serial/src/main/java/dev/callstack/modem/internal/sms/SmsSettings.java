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
 */
public record SmsSettings(Duration reassemblyTimeout, int maxOpenGroups, Duration maintenanceInterval,
                          Duration sendTimeout, int maxQueuedSends, Duration fingerprintRetention) {
    public static final int DEFAULT_FINGERPRINT_RETENTION_DAYS = 90;

    public SmsSettings {
        positive(reassemblyTimeout, "reassemblyTimeout");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(sendTimeout, "sendTimeout");
        positive(fingerprintRetention, "fingerprintRetention");
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

    public static SmsSettings defaults() {
        return new SmsSettings(Duration.ofHours(24), 256, Duration.ofMinutes(1), Duration.ofSeconds(60), 64);
    }

    public SmsSettings withReassembly(Duration timeout, int maxGroups, Duration checkInterval) {
        return new SmsSettings(timeout, maxGroups, checkInterval, sendTimeout, maxQueuedSends, fingerprintRetention);
    }

    public SmsSettings withSendTimeout(Duration timeout) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, timeout, maxQueuedSends,
                fingerprintRetention);
    }

    public SmsSettings withFingerprintRetention(Duration retention) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, sendTimeout, maxQueuedSends,
                retention);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
