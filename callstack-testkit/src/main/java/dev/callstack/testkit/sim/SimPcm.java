package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The AT command that switches a modem's PCM audio port on and off, as data: one dialect per vendor, installed into
 * that profile's {@link CommandTable}. Profiles without a dialect (SIM800: analogue audio only; Huawei) have no
 * entry, so the command falls through to the table's {@code ERROR}.
 *
 * <ul>
 *   <li>SIMCom SIM7600: {@code AT+CPCMREG=<reg>[,<n>]} and {@code AT+CPCMREG?} → {@code +CPCMREG: <reg>}
 *       (SIM7500_SIM7600 Series AT Command Manual V2.00, "AT+CPCMREG"; PCM on the USB audio port,
 *       {@code /dev/ttyUSB4}). Hosts send {@code AT+CPCMREG=0,1} on hang-up too, so a second field is accepted.</li>
 *   <li>Quectel EC25: {@code AT+QPCMV=<enable>[,<port>]} (port 0 USB NMEA port, 1 UART, 2 USB UAC) and
 *       {@code AT+QPCMV?} → {@code +QPCMV: <enable>,<port>}; {@code AT+QPCMV=?} → {@code +QPCMV: (0,1),(0-2)}
 *       (Quectel EC2x "Voice over USB and UAC" application note).</li>
 * </ul>
 *
 * <p>The simulator streams on {@link SimAudioPort} whatever port {@code AT+QPCMV} names (a real EC25 sends port 2
 * to its USB sound card instead); the port only shows in the query.
 *
 * <p>Switching on with no active call answers {@code ERROR}: the manuals do not say what the modules answer then;
 * this is the simulator's choice (field reports say the SIM7600 only streams once a call is connected).
 *
 * <p>Immutable.
 */
record SimPcm(String command, boolean reportsPort) {
    static final SimPcm SIMCOM = new SimPcm("+CPCMREG", false);
    static final SimPcm QUECTEL = new SimPcm("+QPCMV", true);

    SimPcm {
        Objects.requireNonNull(command, "command");
    }

    /** Adds this dialect's set, read (and for Quectel, test) entries to {@code builder}. */
    CommandTable.Builder install(CommandTable.Builder builder) {
        builder.set(command, this::set).query(command, this::query);
        if (reportsPort) {
            builder.test(command, CommandHandler.constant(command + ": (0,1),(0-2)"));
        }
        return builder;
    }

    private SimReply set(SimState state, AtCommand at) {
        List<String> fields = at.fields();
        OptionalInt enable = at.integer(0);
        if (enable.isEmpty() || enable.getAsInt() < 0 || enable.getAsInt() > 1 || fields.size() > 2) {
            return SimReply.error();
        }
        int port = 0;
        if (fields.size() == 2) {
            OptionalInt second = at.integer(1);
            if (second.isEmpty() || second.getAsInt() < 0 || second.getAsInt() > (reportsPort ? 2 : 1)) {
                return SimReply.error();
            }
            port = reportsPort ? second.getAsInt() : 0;
        } else if (reportsPort && enable.getAsInt() == 1) {
            return SimReply.error(); // Quectel: enabling names the port
        }
        return state.pcm(enable.getAsInt() == 1, port) ? SimReply.ok() : SimReply.error();
    }

    private SimReply query(SimState state, AtCommand at) {
        String value = state.pcm() ? "1" : "0";
        String line = command + ": " + value + (reportsPort ? "," + state.pcmPort() : "");
        return SimReply.of(line, SimReply.OK);
    }
}
