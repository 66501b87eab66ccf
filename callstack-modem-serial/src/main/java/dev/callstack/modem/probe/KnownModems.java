package dev.callstack.modem.probe;

import dev.callstack.modem.probe.KnownModem.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The table of known USB modems. Device quirks are data: a new modem is a new row, never an {@code if}. Exact
 * product ids come before a vendor's wildcard row. Sources: the Linux kernel's {@code drivers/usb/serial/option.c}
 * and {@code cdc-acm}, ModemManager's {@code 77-mm-*-port-types.rules}, usb_modeswitch's device list and the vendors'
 * Linux USB driver guides (SIMCom and Quectel both document the AT port as the third ttyUSB, interface 2).
 *
 * <p>Stateless.
 */
public final class KnownModems {
    private static final String OPTION = "Linux drivers/usb/serial/option.c";
    private static final String MM = "ModemManager port-type rules";
    private static final String MODESWITCH = "usb_modeswitch device list";

    private static final List<KnownModem> TABLE = List.of(
            new KnownModem("1e0e", "9001", "SIMCom", "SIM7100/SIM7500/SIM7600 series", 2, Kind.MODEM,
                    "SIMCom SIM7X00 Linux USB user guide; " + OPTION),
            new KnownModem("1e0e", "9011", "SIMCom", "SIM7600 series (RNDIS mode)", 2, Kind.MODEM, OPTION),
            new KnownModem("1e0e", "9024", "SIMCom", "SIM7080/SIM7070 series", 2, Kind.MODEM, OPTION),
            new KnownModem("1e0e", "*", "SIMCom", "SIMCom modem", -1, Kind.MODEM, OPTION),
            new KnownModem("2c7c", "0125", "Quectel", "EC25", 2, Kind.MODEM,
                    "Quectel UMTS/LTE Linux USB driver user guide; " + OPTION),
            new KnownModem("2c7c", "0121", "Quectel", "EC21", 2, Kind.MODEM,
                    "Quectel UMTS/LTE Linux USB driver user guide; " + OPTION),
            new KnownModem("2c7c", "0296", "Quectel", "BG96", 2, Kind.MODEM,
                    "Quectel UMTS/LTE Linux USB driver user guide; " + OPTION),
            new KnownModem("2c7c", "0306", "Quectel", "EP06/EG06/EM06", 2, Kind.MODEM, OPTION),
            new KnownModem("2c7c", "0800", "Quectel", "RM500Q/RM502Q (5G)", 2, Kind.MODEM, OPTION),
            new KnownModem("2c7c", "*", "Quectel", "Quectel modem", -1, Kind.MODEM, OPTION),
            new KnownModem("12d1", "14db", "Huawei", "E3372 (HiLink mode)", -1, Kind.HILINK, MODESWITCH),
            new KnownModem("12d1", "14dc", "Huawei", "E3372/E8372 (HiLink mode)", -1, Kind.HILINK, MODESWITCH),
            new KnownModem("12d1", "1f01", "Huawei", "E3372/E353 (mass storage, before mode switch)", -1, Kind.HILINK,
                    MODESWITCH),
            new KnownModem("12d1", "1506", "Huawei", "E3372/E3531 (stick/modem mode)", -1, Kind.MODEM, OPTION),
            new KnownModem("12d1", "15c1", "Huawei", "ME909s-120", -1, Kind.MODEM, OPTION + "; " + MM),
            new KnownModem("12d1", "*", "Huawei", "Huawei modem", -1, Kind.MODEM, OPTION),
            new KnownModem("1199", "68c0", "Sierra Wireless", "MC7304/MC7354 family", 3, Kind.MODEM,
                    "Linux drivers/usb/serial/qcserial.c"),
            new KnownModem("1199", "9071", "Sierra Wireless", "EM7455/MC7455", 3, Kind.MODEM,
                    "Linux drivers/usb/serial/qcserial.c"),
            new KnownModem("1199", "*", "Sierra Wireless", "Sierra Wireless modem", -1, Kind.MODEM,
                    "Linux drivers/usb/serial/qcserial.c"),
            new KnownModem("1bc7", "*", "Telit", "Telit modem (LE910, LN920, ...)", -1, Kind.MODEM, OPTION),
            new KnownModem("1546", "*", "u-blox", "u-blox cellular module (SARA, LARA, TOBY)", -1, Kind.MODEM,
                    "Linux cdc-acm; " + MM),
            new KnownModem("1a86", "7523", "QinHeng", "CH340 USB-serial adapter", 0, Kind.USB_SERIAL_ADAPTER,
                    "Linux drivers/usb/serial/ch341.c"),
            new KnownModem("0403", "6001", "FTDI", "FT232 USB-serial adapter", 0, Kind.USB_SERIAL_ADAPTER,
                    "Linux drivers/usb/serial/ftdi_sio.c"),
            new KnownModem("10c4", "ea60", "Silicon Labs", "CP210x USB-serial adapter", 0, Kind.USB_SERIAL_ADAPTER,
                    "Linux drivers/usb/serial/cp210x.c"),
            new KnownModem("067b", "2303", "Prolific", "PL2303 USB-serial adapter", 0, Kind.USB_SERIAL_ADAPTER,
                    "Linux drivers/usb/serial/pl2303.c"));

    private KnownModems() {
    }

    /**
     * Every row, exact ids before wildcards.
     *
     * @return the whole table
     */
    public static List<KnownModem> all() {
        return TABLE;
    }

    /**
     * The row for a USB id.
     *
     * @param vendorId  four hex digits
     * @param productId four hex digits
     * @return the most specific row, or empty for an unknown device
     */
    public static Optional<KnownModem> lookup(String vendorId, String productId) {
        if (vendorId == null || productId == null) {
            return Optional.empty();
        }
        return TABLE.stream().filter(m -> m.matches(vendorId, productId)).findFirst();
    }
}
