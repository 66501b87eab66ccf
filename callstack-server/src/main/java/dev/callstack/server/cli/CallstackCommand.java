package dev.callstack.server.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code callstack} command: only subcommands; {@link Cli} makes {@code serve} the default. Holds what
 * every subcommand shares (the environment, whether output is a terminal). The subcommands are added by
 * {@link #commandLine}, not by the annotation, so that {@code serve} can run without the others.
 *
 * <p>Not thread-safe; built and run once.
 */
@Command(name = "callstack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 110,
        description = "Callstack: an SMS and voice gateway for a USB GSM/LTE modem. 'serve' is the default "
                + "subcommand.",
        footer = {"", "Exit status:",
                "  0  success: the modem is usable, the server ready, the message sent",
                "  1  checked and not fine: modem unusable, server not ready, request refused or message failed",
                "  2  wrong usage or configuration",
                "  3  the server could not be reached"})
final class CallstackCommand implements Runnable {
    static final String SERVE = "serve";
    /** Every subcommand, in {@code --help} order. */
    private static final List<String> SUBCOMMANDS = List.of(SERVE, "ports", "doctor", "status", "send", "ussd",
            "monitor");

    private final Map<String, String> env;
    private final boolean tty;

    CallstackCommand(Map<String, String> env, boolean tty) {
        this.env = Map.copyOf(env);
        this.tty = tty;
    }

    /**
     * A new instance of subcommand {@code name}. A switch, not a table of constructor references: a method reference
     * resolves its class when the table is built, so a table would load (and verify) every client command, and the
     * classes their signatures name, at each start of {@code serve}.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case SERVE -> new ServeCommand();
            case "ports" -> new PortsCommand();
            case "doctor" -> new DoctorCommand();
            case "status" -> new StatusCommand();
            case "send" -> new SendCommand();
            case "ussd" -> new UssdCommand();
            case "monitor" -> new MonitorCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * The command line over {@code top}: every subcommand, or {@code serve} alone when {@code serveOnly}. picocli
     * reflects on each subcommand's options as it is added, and the client commands bring libraries of their own
     * (an {@code ObjectMapper} each for {@code --json}, jSerialComm), so the service's every start would otherwise
     * pay for commands it cannot run: on a small board that was a fifth of the time to ready.
     */
    static CommandLine commandLine(CallstackCommand top, boolean serveOnly) {
        CommandLine line = new CommandLine(top);
        for (String name : SUBCOMMANDS) {
            if (!serveOnly || SERVE.equals(name)) {
                line.addSubcommand(name, subcommand(name));
            }
        }
        return line;
    }

    static boolean isSubcommand(String name) {
        return SUBCOMMANDS.contains(name);
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
