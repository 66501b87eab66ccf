package dev.callstack.modem.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One serial port as {@code callstack ports} shows it.
 *
 * @param path            the device path, e.g. {@code /dev/ttyUSB2}
 * @param byIdLinks       its stable {@code /dev/serial/by-id/...} names (use one of these in the configuration)
 * @param vendorId        USB vendor id (four hex digits) or null for a port not on USB
 * @param productId       USB product id or null
 * @param interfaceNumber the USB interface the port belongs to, or -1
 * @param knownModem      the table's row for the USB id, or null for an unknown device
 * @param role            whether this looks like the AT interface
 * @param inUse           who holds the port (a lock file, a process), or null when nobody visibly does
 * @param accessible      whether this user may read and write the device
 */
public record SerialPortInfo(String path, List<String> byIdLinks, String vendorId, String productId,
                             int interfaceNumber, KnownModem knownModem, Role role, String inUse,
                             boolean accessible) {
    /** What the table says about this interface. */
    public enum Role {
        /** The known modem's AT interface. */
        AT,
        /** Another interface of a known modem (diagnostics, NMEA, PPP). */
        OTHER,
        /** Not known: probe it. */
        UNKNOWN
    }

    /**
     * Validates and copies.
     *
     * @param path            the device path
     * @param byIdLinks       its stable names
     * @param vendorId        USB vendor id or null
     * @param productId       USB product id or null
     * @param interfaceNumber the USB interface or -1
     * @param knownModem      the table's row or null
     * @param role            whether this looks like the AT interface
     * @param inUse           who holds it, or null
     * @param accessible      whether this user may open it
     */
    public SerialPortInfo {
        Objects.requireNonNull(path, "path");
        byIdLinks = List.copyOf(byIdLinks);
        Objects.requireNonNull(role, "role");
    }

    /**
     * The known modem behind the port.
     *
     * @return the table's row, or empty
     */
    public Optional<KnownModem> modem() {
        return Optional.ofNullable(knownModem);
    }

    /**
     * The USB id as {@code vid:pid}.
     *
     * @return e.g. {@code 2c7c:0125}, or null for a port not on USB
     */
    public String usbId() {
        return vendorId == null ? null : vendorId + ":" + productId;
    }
}
