package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code callstack send}: queues an SMS and optionally follows it to a final state. Not thread-safe. */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Send an SMS through a running server; prints the message id.",
        footer = {"", "Exit status: 0 queued (with --wait: sent or delivered), 1 refused or failed, 2 wrong usage, "
                + "3 server unreachable."})
final class SendCommand extends ClientCommand {
    private static final Set<String> FINAL = Set.of("sent", "delivered", "failed", "expired", "unknown",
            "partially_sent", "cancelled");
    private static final Set<String> SUCCESS = Set.of("sent", "delivered");

    @Option(names = "--to", required = true, description = "Recipient, +<digits>.")
    String to;

    @Option(names = "--body", required = true, description = "The text.")
    String body;

    @Option(names = "--wait", description = "Follow the message until it is sent, delivered or failed.")
    boolean await;

    @Option(names = "--wait-timeout", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long --wait follows it (default ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Option(names = "--json", description = "The server's JSON answers, one per line.")
    boolean json;

    @Override
    int run(ServerClient client, PrintWriter out) throws ServerClient.UnreachableException, InterruptedException {
        ObjectNode request = ServerClient.JSON.createObjectNode().put("to", to).put("body", body);
        ServerClient.Reply queued = client.post("/sms/send", request);
        if (queued.status() != 202 && queued.status() != 200) {
            return refused(queued);
        }
        String id = queued.body().path("message_id").asText();
        String status = queued.body().path("status").asText();
        out.println(json ? queued.body().toString() : "message " + id + ": " + status);
        if (!await) {
            return ExitCodes.OK;
        }
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        while (!FINAL.contains(status) && System.nanoTime() < deadline) {
            Thread.sleep(1000); // a poll interval, not synchronisation
            ServerClient.Reply now = client.get("/sms/outbox/" + id);
            if (now.status() != 200) {
                return refused(now);
            }
            String next = now.body().path("status").asText();
            if (!next.equals(status)) {
                out.println(json ? now.body().toString() : "message " + id + ": " + next);
                out.flush();
            }
            status = next;
        }
        if (!FINAL.contains(status)) {
            spec.commandLine().getErr().println("callstack: still " + status + " after " + waitTimeout.toSeconds()
                    + " s");
        }
        return SUCCESS.contains(status) ? ExitCodes.OK : ExitCodes.NOT_OK;
    }
}
