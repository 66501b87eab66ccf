package dev.callstack.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every client subcommand shares: options, exit status on an unreachable server. Not thread-safe. */
abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @ParentCommand
    CallstackCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(options.client(parent.env()), spec.commandLine().getOut());
        } catch (ServerClient.UnreachableException e) {
            err.println("callstack: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        } catch (ConfigException e) {
            err.println("callstack: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }

    abstract int run(ServerClient client, PrintWriter out) throws ServerClient.UnreachableException,
            InterruptedException;

    int refused(ServerClient.Reply reply) {
        spec.commandLine().getErr().println("callstack: the server answered " + reply.status() + ": "
                + reply.error());
        return ExitCodes.NOT_OK;
    }
}
