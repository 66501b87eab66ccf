package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.testkit.FakeModem;
import java.time.Duration;

/**
 * The one place that turns {@code --modem} into a {@link Modem}: {@code simulator} is an in-memory modem with a
 * little scripted activity; serial devices and {@code tcp://} links need the AT stack (wired here once it lands).
 *
 * <p>Stateless.
 */
public final class ModemFactory {
    public static final String SIMULATOR = "simulator";

    private ModemFactory() {
    }

    /**
     * Opens the modem {@code spec} names.
     *
     * @param simPin the SIM PIN or null; never logged
     * @throws IllegalArgumentException when the modem cannot be opened, with a message for the operator
     */
    public static Modem open(String spec, String simPin) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--modem is required: a serial device, tcp://host:port or simulator");
        }
        if (SIMULATOR.equals(spec)) {
            return new SimulatedModem(new FakeModem(), Duration.ofSeconds(5));
        }
        if (!spec.startsWith("tcp://") && !spec.startsWith("/")) {
            throw new IllegalArgumentException(
                    "--modem must be a serial device path (/dev/...), tcp://host:port or simulator");
        }
        throw new IllegalArgumentException("serial modems arrive with the modem-serial module; "
                + "use --modem simulator until then");
    }
}
