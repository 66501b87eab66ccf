package dev.callstack.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Runs the {@code callstack} command line. {@code serve} is the default subcommand, so
 * {@code java -jar callstack-server.jar --modem simulator} keeps working.
 *
 * <p>Stateless.
 */
public final class Cli {
    private static final List<String> TOP_LEVEL_OPTIONS = List.of("-h", "--help", "-V", "--version");

    private Cli() {
    }

    /**
     * Parses {@code args} and runs the chosen subcommand.
     *
     * @param args the command line
     * @param env  the environment ({@code System.getenv()}; tests pass their own)
     * @param out  standard output, or null for the process's own (colours then follow whether it is a terminal)
     * @param err  standard error, or null for the process's own
     * @return the exit status (see {@code --help})
     */
    @SuppressWarnings("SystemConsoleNull") // Java 17: a null console means no terminal; colours are only cosmetic
    public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        CallstackCommand top = new CallstackCommand(env, out == null && System.console() != null
                && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM")));
        String[] effective = serveByDefault(args);
        boolean serve = effective.length > 0 && CallstackCommand.SERVE.equals(effective[0]);
        CommandLine commandLine = CallstackCommand.commandLine(top, serve);
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        if (serve) {
            try {
                ConfigDefaults defaults = ConfigDefaults.load(effective, env);
                commandLine.getSubcommands().get(CallstackCommand.SERVE).setDefaultValueProvider(defaults);
                commandLine.setParameterExceptionHandler(
                        new ConfigValueErrors(defaults, commandLine.getParameterExceptionHandler()));
            } catch (ConfigException refused) {
                commandLine.getErr().println("callstack: " + refused.getMessage());
                commandLine.getErr().flush();
                return ExitCodes.USAGE;
            }
        }
        int code = commandLine.execute(effective);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    private static String[] serveByDefault(String[] args) {
        if (args.length > 0 && (CallstackCommand.isSubcommand(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]))) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = CallstackCommand.SERVE;
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }
}
