package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code callstack ussd *100#}: one USSD request through a running server. Not thread-safe. */
@Command(name = "ussd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Send a USSD code (e.g. *100#) and print the network's reply (redacted unless the key has "
                + "'content').",
        footer = {"", "Exit status: 0 answered, 1 refused or failed, 2 wrong usage, 3 server unreachable."})
final class UssdCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "CODE", description = "The code: 0-9, * and #.")
    String code;

    @Option(names = "--json", description = "The server's JSON answer.")
    boolean json;

    @Override
    int run(ServerClient client, PrintWriter out) throws ServerClient.UnreachableException, InterruptedException {
        ObjectNode request = ServerClient.JSON.createObjectNode().put("code", code);
        ServerClient.Reply reply = client.post("/ussd/send", request);
        if (reply.status() != 200) {
            return refused(reply);
        }
        JsonNode body = reply.body();
        out.println(json ? body.toString() : body.path("message").asText("(no text)") + "  [status "
                + body.path("status").asInt() + "]");
        return ExitCodes.OK;
    }
}
