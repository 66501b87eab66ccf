package dev.callstack.server.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    /** Every subcommand in {@code --help} order, made only when the command line may run it. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private final Map<String, String> env;
    private final boolean tty;

    CallstackCommand(Map<String, String> env, boolean tty) {
        this.env = Map.copyOf(env);
        this.tty = tty;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put(SERVE, ServeCommand::new);
        all.put("ports", PortsCommand::new);
        all.put("doctor", DoctorCommand::new);
        all.put("status", StatusCommand::new);
        all.put("send", SendCommand::new);
        all.put("ussd", UssdCommand::new);
        all.put("monitor", MonitorCommand::new);
        return Collections.unmodifiableMap(all); // insertion order is the --help order
    }

    /**
     * The command line over {@code top}: every subcommand, or {@code serve} alone when {@code serveOnly}. picocli
     * reflects on each subcommand's options as it is added, and the client commands bring libraries of their own
     * (an {@code ObjectMapper} each for {@code --json}, jSerialComm), so the service's every start would otherwise
     * pay for commands it cannot run: on a small board that was a fifth of the time to ready.
     */
    static CommandLine commandLine(CallstackCommand top, boolean serveOnly) {
        CommandLine line = new CommandLine(top);
        SUBCOMMANDS.forEach((name, make) -> {
            if (!serveOnly || SERVE.equals(name)) {
                line.addSubcommand(name, make.get());
            }
        });
        return line;
    }

    static boolean isSubcommand(String name) {
        return SUBCOMMANDS.containsKey(name);
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
