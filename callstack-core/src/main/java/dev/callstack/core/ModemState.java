package dev.callstack.core;

import dev.callstack.core.event.SignalQuality;
import java.util.Objects;

/**
 * A snapshot of what is known about a modem. Absent facts are {@code null}.
 *
 * @param connected    the link is open and initialised
 * @param registration network registration, {@link Registration#UNKNOWN} until reported
 * @param operator     the operator name, or {@code null}
 * @param signal       the last signal quality reading, or {@code null}
 * @param manufacturer the modem's manufacturer ({@code AT+CGMI}), or {@code null}
 * @param model        the modem's model ({@code AT+CGMM}), or {@code null}
 * @param revision     the firmware revision ({@code AT+CGMR}), or {@code null}
 */
public record ModemState(boolean connected, Registration registration, String operator, SignalQuality signal,
                         String manufacturer, String model, String revision) {
    /**
     * Validates that {@code registration} is not null.
     *
     * @param connected    the link is open and initialised
     * @param registration network registration, {@link Registration#UNKNOWN} until reported
     * @param operator     the operator name, or {@code null}
     * @param signal       the last signal quality reading, or {@code null}
     * @param manufacturer the modem's manufacturer ({@code AT+CGMI}), or {@code null}
     * @param model        the modem's model ({@code AT+CGMM}), or {@code null}
     * @param revision     the firmware revision ({@code AT+CGMR}), or {@code null}
     */
    public ModemState {
        Objects.requireNonNull(registration, "registration");
    }

    /**
     * The state of a modem that is not connected: registration unknown, every other fact absent.
     *
     * @return a disconnected state
     */
    public static ModemState disconnected() {
        return new ModemState(false, Registration.UNKNOWN, null, null, null, null, null);
    }
}
