package dev.callstack.modem.internal;

import java.time.Duration;
import java.util.Objects;

/** Capped exponential backoff: initial, 2×initial, 4×initial ... never above max. Immutable. */
record Backoff(Duration initial, Duration max) {
    Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The delay before retry number {@code attempt} (0-based). */
    Duration delay(int attempt) {
        Duration d = initial;
        for (int i = 0; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
