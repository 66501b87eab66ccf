package dev.callstack.server.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The top-level {@code callstack} command: only subcommands; {@link Cli} makes {@code serve} the default. Holds what
 * every subcommand shares (the environment, whether output is a terminal).
 *
 * <p>Not thread-safe; built and run once.
 */
@Command(name = "callstack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 110,
        description = "Callstack: an SMS and voice gateway for a USB GSM/LTE modem. 'serve' is the default "
                + "subcommand.",
        subcommands = {ServeCommand.class, PortsCommand.class, DoctorCommand.class, StatusCommand.class,
                SendCommand.class, UssdCommand.class, MonitorCommand.class},
        footer = {"", "Exit status:",
                "  0  success: the modem is usable, the server ready, the message sent",
                "  1  checked and not fine: modem unusable, server not ready, request refused or message failed",
                "  2  wrong usage or configuration",
                "  3  the server could not be reached"})
final class CallstackCommand implements Runnable {
    private final Map<String, String> env;
    private final boolean tty;

    CallstackCommand(Map<String, String> env, boolean tty) {
        this.env = Map.copyOf(env);
        this.tty = tty;
    }

    Map<String, String> env() {
        return env;
    }

    Style style() {
        return new Style(tty);
    }

    @Override
    public void run() {
        // Never reached: Cli always names a subcommand.
    }
}
