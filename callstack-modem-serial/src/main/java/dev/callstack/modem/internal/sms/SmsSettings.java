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
 * @param maintenanceInterval how often the reassembly timeout is checked; default 1 min
 * @param sendTimeout         how long one {@code AT+CMGS} exchange may take (networks can take a minute); default 60 s
 * @param maxQueuedSends      sends waiting behind the one in progress; more are rejected; default 64
 */
public record SmsSettings(Duration reassemblyTimeout, int maxOpenGroups, Duration maintenanceInterval,
                          Duration sendTimeout, int maxQueuedSends) {
    public SmsSettings {
        positive(reassemblyTimeout, "reassemblyTimeout");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(sendTimeout, "sendTimeout");
        if (maxOpenGroups < 1 || maxQueuedSends < 1) {
            throw new IllegalArgumentException("maxOpenGroups and maxQueuedSends must be positive");
        }
    }

    public static SmsSettings defaults() {
        return new SmsSettings(Duration.ofHours(24), 256, Duration.ofMinutes(1), Duration.ofSeconds(60), 64);
    }

    public SmsSettings withReassembly(Duration timeout, int maxGroups, Duration checkInterval) {
        return new SmsSettings(timeout, maxGroups, checkInterval, sendTimeout, maxQueuedSends);
    }

    public SmsSettings withSendTimeout(Duration timeout) {
        return new SmsSettings(reassemblyTimeout, maxOpenGroups, maintenanceInterval, timeout, maxQueuedSends);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
