package dev.callstack.modem.probe;

import java.util.Objects;

/**
 * One row of the table of known USB modems.
 *
 * @param vendorId    USB vendor id, four lower-case hex digits
 * @param productId   USB product id, four lower-case hex digits, or {@code *} for every product of the vendor
 * @param vendor      the maker's name
 * @param model       the model or family
 * @param atInterface the USB interface number that answers AT commands, or -1 when it varies or is unknown
 * @param kind        what sort of device this is
 * @param source      where the row comes from (a vendor guide, the kernel's option driver, ModemManager's rules)
 */
public record KnownModem(String vendorId, String productId, String vendor, String model, int atInterface, Kind kind,
                         String source) {
    /** What a USB id tells about the device. */
    public enum Kind {
        /** A modem with serial AT interfaces. */
        MODEM,
        /** A Huawei HiLink stick: a network card with a web UI, no AT port until switched with usb_modeswitch. */
        HILINK,
        /** A USB-to-serial adapter (CH340, FTDI, CP210x, PL2303) in front of a UART modem such as a SIM800. */
        USB_SERIAL_ADAPTER
    }

    /**
     * Validates the row.
     *
     * @param vendorId    USB vendor id
     * @param productId   USB product id or {@code *}
     * @param vendor      the maker's name
     * @param model       the model or family
     * @param atInterface the AT interface number or -1
     * @param kind        what sort of device this is
     * @param source      where the row comes from
     */
    public KnownModem {
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    boolean matches(String vid, String pid) {
        return vendorId.equalsIgnoreCase(vid) && ("*".equals(productId) || productId.equalsIgnoreCase(pid));
    }
}
