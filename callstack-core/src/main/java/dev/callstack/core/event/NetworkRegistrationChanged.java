package dev.callstack.core.event;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import java.time.Instant;

/**
 * The modem's effective network registration changed: the best of its circuit-switched, packet-switched, LTE and
 * 5G registrations, with the access technology of the domain that gave it. Published once per change of the pair
 * while the modem is connected, not for every repeated registration report.
 *
 * @param registration the effective registration
 * @param technology   the access technology; {@link AccessTechnology#UNKNOWN} when not registered or not reported
 */
public record NetworkRegistrationChanged(Instant timestamp, Registration registration, AccessTechnology technology)
        implements ModemEvent {
    /**
     * Validates that every component is not null.
     *
     * @param timestamp    when Callstack observed the change
     * @param registration the effective registration
     * @param technology   the access technology; {@link AccessTechnology#UNKNOWN} when not registered or not reported
     */
    public NetworkRegistrationChanged {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(registration, "registration");
        Checks.notNull(technology, "technology");
    }
}
