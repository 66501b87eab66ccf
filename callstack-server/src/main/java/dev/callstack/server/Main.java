package dev.callstack.server;

import dev.callstack.server.cli.Cli;
import dev.callstack.server.internal.ProcessDefaults;

/** {@code java -jar callstack-server.jar [subcommand]}: the {@code callstack} command line; {@code serve} by default. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line (see {@code --help}); exits with a non-zero status on failure.
     *
     * @param args the subcommand and its options; {@code serve}'s options can also be {@code CALLSTACK_*} variables
     */
    public static void main(String[] args) {
        ProcessDefaults.apply(System.getProperties()); // before any library reads them
        int code = Cli.execute(args, System.getenv(), null, null);
        if (code != 0) {
            System.exit(code);
        }
    }
}
