package dev.callstack.testkit.sim;

import java.util.List;

/**
 * Answers one AT command from (and possibly changing) the simulated modem's state. Runs holding the state's monitor,
 * so it must not block.
 */
@FunctionalInterface
interface CommandHandler {
    SimReply handle(SimState state, AtCommand command);

    /** Accepts the command without effect: a setting the simulation does not model. */
    static CommandHandler ok() {
        return (state, command) -> SimReply.ok();
    }

    static CommandHandler error() {
        return (state, command) -> SimReply.error();
    }

    /** Answers {@code line} then {@code OK}, whatever the state (identity queries). */
    static CommandHandler constant(String line) {
        List<String> lines = List.of(line, SimReply.OK);
        return (state, command) -> SimReply.of(lines);
    }
}
