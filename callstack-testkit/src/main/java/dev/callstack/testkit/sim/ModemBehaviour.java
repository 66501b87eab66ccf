package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A simulated modem's default answers: each command line is looked up in the profile's {@link CommandTable} and its
 * handler runs against the {@link SimState}.
 *
 * <p>Thread-safe; handlers run holding the state's monitor.
 */
final class ModemBehaviour {
    /** Commands a modem refuses while its SMS service is not ready yet. */
    private static final List<String> SMS_COMMANDS = List.of("+CMGF", "+CNMI", "+CPMS", "+CSMS", "+CMGL", "+CMGR",
            "+CMGD", "+CMGS", "+CNMA", "+CSCA");

    private final CommandTable table;
    private final SimState state;
    private final ProfileQuirks quirks;

    /** With the SIM800's quirks. */
    ModemBehaviour(CommandTable table, SimState state) {
        this(table, state, ProfileQuirks.SIM800);
    }

    ModemBehaviour(CommandTable table, SimState state, ProfileQuirks quirks) {
        this.table = Objects.requireNonNull(table, "table");
        this.state = Objects.requireNonNull(state, "state");
        this.quirks = Objects.requireNonNull(quirks, "quirks");
    }

    SimState state() {
        return state;
    }

    /** The answer to {@code line}; ERROR when it is not an AT command or no entry matches. */
    SimReply command(String line) {
        AtCommand command = AtCommand.parse(line);
        if (command == null) {
            return SimReply.error();
        }
        CommandHandler handler = table.handlerFor(command.body());
        synchronized (state) {
            if (!state.smsReady() && isSmsCommand(command.body())) {
                SimReply refused = SimReply.of(quirks.smsNotReadyError());
                return state.refuseSmsCommand() && quirks.smsReadyLine() != null
                        ? refused.thenAsync(List.of(quirks.smsReadyLine())) : refused;
            }
            return handler.handle(state, command);
        }
    }

    private static boolean isSmsCommand(String body) {
        for (String name : SMS_COMMANDS) {
            if (body.startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the PDU and Ctrl-Z of {@code AT+CMGS}: accepted when it is hex of exactly the announced length. The
     * {@code +CMGS: <mr>} answer is 3GPP TS 27.005, the same on every profile, so it is not a table entry.
     */
    SimReply submit(String pdu, int declaredLength) {
        OptionalInt actual = Pdus.tpduLength(pdu);
        if (actual.isEmpty() || actual.getAsInt() != declaredLength) {
            return SimReply.of("+CMS ERROR: 304");
        }
        return SimReply.of("+CMGS: " + state.takeMessageReference(), SimReply.OK);
    }
}
