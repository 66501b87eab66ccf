package dev.callstack.modem.probe;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one port.
 *
 * @param target   the port path or address
 * @param usable   whether Callstack can work with this modem now: it answers AT, the SIM is ready and it is
 *                 registered on a network
 * @param findings every check, in the order made
 */
public record Diagnosis(String target, boolean usable, List<Finding> findings) {
    /**
     * Validates and copies.
     *
     * @param target   the port path or address
     * @param usable   whether the modem can work now
     * @param findings every check in order
     */
    public Diagnosis {
        Objects.requireNonNull(target, "target");
        findings = List.copyOf(findings);
    }
}
