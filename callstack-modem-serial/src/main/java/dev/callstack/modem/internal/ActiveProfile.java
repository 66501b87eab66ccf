package dev.callstack.modem.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The profile chosen by the last init, for the services that read quirks at run time ({@link CallControl},
 * {@link UssdService}); {@link ModemProfiles#GENERIC} until a modem has been identified.
 *
 * <p>Thread-safe.
 */
final class ActiveProfile {
    private final AtomicReference<ModemProfile> current = new AtomicReference<>(ModemProfiles.GENERIC);

    ModemProfile get() {
        return current.get();
    }

    void set(ModemProfile profile) {
        current.set(Objects.requireNonNull(profile, "profile"));
    }
}
