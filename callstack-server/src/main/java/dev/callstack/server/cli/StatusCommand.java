package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code callstack status}: {@code /healthz} and {@code /status} of a running server. Not thread-safe. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a running server's health and modem status.",
        footer = {"", "Exit status: 0 ready, 1 degraded or refused, 2 wrong usage, 3 server unreachable."})
final class StatusCommand extends ClientCommand {
    @Option(names = "--json", description = "{\"healthz\":...,\"status\":...} for machines.")
    boolean json;

    @Override
    int run(ServerClient client, PrintWriter out) throws ServerClient.UnreachableException, InterruptedException {
        ServerClient.Reply health = client.get("/healthz");
        ServerClient.Reply status = client.get("/status");
        if (status.status() != 200) {
            return refused(status);
        }
        if (json) {
            ObjectNode both = ServerClient.JSON.createObjectNode();
            both.set("healthz", health.body());
            both.set("status", status.body());
            out.println(both);
        } else {
            print(health.body(), status.body(), out, parent.style());
        }
        return health.status() == 200 ? ExitCodes.OK : ExitCodes.NOT_OK;
    }

    private static void print(JsonNode health, JsonNode status, PrintWriter out, Style style) {
        String state = health.path("status").asText("unknown");
        out.println("health    " + ("ready".equals(state) ? style.ok(state) : style.fail(state))
                + (health.hasNonNull("reason") ? " (" + health.get("reason").asText() + ")" : "")
                + ", up " + health.path("uptime_seconds").asLong() + " s"
                + (health.path("simulated").asBoolean() ? style.warn("  SIMULATED: nothing reaches a real network")
                : ""));
        JsonNode modem = status.path("modem");
        out.println("modem     " + (modem.path("connected").asBoolean() ? "connected" : style.fail("disconnected"))
                + ", " + text(modem, "manufacturer") + " " + text(modem, "model") + ", firmware "
                + text(modem, "firmware") + ", profile " + text(modem, "profile"));
        out.println("sim       " + text(status.path("sim"), "state"));
        JsonNode network = status.path("network");
        out.println("network   " + text(network, "registration") + ", " + text(network, "technology") + ", "
                + text(network, "operator") + ", rssi " + text(network, "rssi") + " (" + text(network, "dbm")
                + " dBm)");
        JsonNode sms = status.path("sms");
        out.println("sms       storage " + text(sms, "storage_used") + "/" + text(sms, "storage_total")
                + ", sweep every " + text(sms, "sweep_interval_seconds") + " s");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "?" : value.asText();
    }
}
