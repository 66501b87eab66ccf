package dev.callstack.bench.ws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClientFleet} (or a {@link RawFleet}) in a child JVM ({@link FleetProcess}), driven over its standard input and output one line
 * per request, so the server's process holds only the server and the publisher: its CPU per delivery is then the
 * server's share alone, and the clients no longer steal its heap or JIT. Latency stays comparable: both processes read
 * the same monotonic clock ({@code System.nanoTime} is {@code CLOCK_MONOTONIC} on Linux).
 *
 * <p>Not thread-safe; used by the tool's main thread only.
 */
final class RemoteFleet implements Fleet {
    private final Process child;
    private final PrintWriter in;
    private final BufferedReader out;
    /** Requests made: each is two pipe writes, which a syscall count of both processes must subtract. */
    private static long requests;

    RemoteFleet(int threads, boolean raw) {
        try {
            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), FleetProcess.class.getName(),
                    Integer.toString(threads), raw ? "raw" : "netty").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Requests made by every child fleet of this JVM so far. */
    static long requests() {
        return requests;
    }

    private String[] ask(String request) {
        requests++;
        in.println(request);
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("client process ended on: " + request.split(" ", 2)[0]);
            }
            return line.split(" ", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void connect(URI uri, String bearer, int n, int parallel) {
        ask("connect " + uri + " " + bearer + " " + n + " " + parallel);
    }

    @Override
    public void reset() {
        ask("reset");
    }

    @Override
    public Stats counts() {
        String[] a = ask("counts");
        return new Stats(Long.parseLong(a[0]), Long.parseLong(a[1]), 0, 0, 0, 0);
    }

    @Override
    public Stats stats() {
        String[] a = ask("stats");
        return new Stats(Long.parseLong(a[0]), Long.parseLong(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]),
                Long.parseLong(a[4]), Long.parseLong(a[5]));
    }

    @Override
    public void close() {
        try {
            ask("close");
            in.close();
            child.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            child.destroy();
        }
    }
}
