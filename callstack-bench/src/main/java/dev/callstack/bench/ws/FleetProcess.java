package dev.callstack.bench.ws;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Child process of {@link RemoteFleet}: a {@link ClientFleet} (or, with a second argument {@code raw}, a
 * {@link RawFleet}) answering one line per request on standard input
 * ({@code connect <uri> <key> <n> <parallel>}, {@code reset}, {@code counts}, {@code stats}, {@code close}); exits
 * when its input ends.
 */
public final class FleetProcess {
    private FleetProcess() {
    }

    /**
     * Runs the fleet until standard input ends.
     *
     * @param args the number of client event-loop threads, then optionally {@code raw} for plain NIO clients
     * @throws Exception when connecting fails (the parent sees the process end)
     */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int threads = Integer.parseInt(args[0]);
        boolean raw = args.length > 1 && "raw".equals(args[1]);
        try (Fleet fleet = raw ? new RawFleet(threads) : new ClientFleet(threads)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] a = line.split(" ", -1);
                switch (a[0]) {
                    case "connect" -> {
                        fleet.connect(URI.create(a[1]), a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
                        answer("ok");
                    }
                    case "reset" -> {
                        fleet.reset();
                        answer("ok");
                    }
                    case "counts" -> {
                        Fleet.Stats s = fleet.counts();
                        answer(s.events() + " " + s.dropped());
                    }
                    case "stats" -> {
                        Fleet.Stats s = fleet.stats();
                        answer(s.events() + " " + s.dropped() + " " + s.p50Nanos() + " " + s.p99Nanos() + " "
                                + s.maxNanos() + " " + ServerCpu.processNanos());
                    }
                    case "close" -> {
                        answer("ok");
                        return;
                    }
                    default -> answer("unknown");
                }
            }
        }
    }

    private static void answer(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
