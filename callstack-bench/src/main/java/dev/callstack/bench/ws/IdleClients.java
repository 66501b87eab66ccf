package dev.callstack.bench.ws;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Child process of {@link WsLoadTool}: connects N idle WebSocket clients, prints {@code connected N}, and holds them
 * until its standard input closes, so the parent measures the server's heap without the clients' objects in it.
 */
public final class IdleClients {
    private IdleClients() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        String key = args.length > 2 ? args[2] : null;
        try (ClientFleet fleet = new ClientFleet(2)) {
            fleet.connect(uri, key, n, 256);
            System.out.println("connected " + fleet.connected());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // hold the connections until the parent closes our stdin
            }
        }
    }
}
