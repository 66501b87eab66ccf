package dev.callstack.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * N WebSocket clients on plain NIO, without Netty: a hand-written HTTP Upgrade, then {@link RawLoop} selector threads
 * that parse the server's frames straight from one direct buffer and scan them with {@link FrameScan}, allocating
 * nothing per frame. Counts what {@link ClientFleet} counts at a fraction of its CPU per delivery, so that at high
 * rates the load tool measures the server rather than its clients.
 *
 * <p>Thread-safe: counters are atomic; each connection is confined to its loop after the handshake.
 */
final class RawFleet extends LocalFleet {
    final AtomicInteger hellos = new AtomicInteger();
    /** Reads that ended inside a frame (its start kept for the next read): shows the split path is exercised. */
    final LongAdder splits = new LongAdder();
    private final List<RawLoop> loops = new ArrayList<>();
    private final List<SocketChannel> channels = new ArrayList<>();

    RawFleet(int threads) {
        for (int i = 0; i < threads; i++) {
            RawLoop loop = new RawLoop(this);
            Thread thread = new Thread(loop, "bench-client-raw-" + i);
            thread.setDaemon(true);
            thread.start();
            loops.add(loop);
        }
    }

    /**
     * Connects and upgrades one client at a time with blocking I/O (a loopback handshake takes well under a
     * millisecond, so {@code parallel} is not needed), then hands the channel to a loop.
     */
    @Override
    public void connect(URI uri, String bearer, int n, int parallel) throws InterruptedException {
        int target = hellos.get() + n;
        String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + (bearer == null || "null".equals(bearer) ? "" : "Authorization: Bearer " + bearer + "\r\n");
        for (int i = 0; i < n; i++) {
            try {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channels.add(channel);
                ByteBuffer rest = upgrade(channel, request + "Sec-WebSocket-Key: " + newKey() + "\r\n\r\n");
                channel.configureBlocking(false);
                loops.get(i % loops.size()).add(channel, rest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (hellos.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + hellos.get() + " of " + target + " clients connected");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** Sends the Upgrade request, checks for 101 and returns whatever followed the response's headers. */
    private static ByteBuffer upgrade(SocketChannel channel, String request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException("connection closed during the WebSocket handshake");
            }
            int end = headersEnd(in);
            if (end >= 0) {
                String status = new String(in.array(), 0, Math.min(end, 64), StandardCharsets.US_ASCII);
                if (!status.startsWith("HTTP/1.1 101")) {
                    throw new IOException("WebSocket upgrade refused: " + status.lines().findFirst().orElse(""));
                }
                in.flip().position(end);
                return in.slice();
            }
            if (!in.hasRemaining()) {
                throw new IOException("WebSocket handshake response headers too long");
            }
        }
    }

    /** The index just past the blank line ending the headers in {@code in[0, position)}, or -1. */
    private static int headersEnd(ByteBuffer in) {
        for (int i = 3; i < in.position(); i++) {
            if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r' && in.get(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Called by a loop for each complete text frame {@code buf[start, end)} of a connection past its hello. */
    void onText(ByteBuffer buf, int start, int end, long now) {
        counters.onText(buf::get, start, end, now);
    }

    @Override
    public void close() {
        System.err.println("# raw clients: " + splits.sum() + " reads ended inside a frame");
        for (RawLoop loop : loops) {
            loop.stop();
        }
        for (SocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a socket the server already reset: nothing left to release.
            }
        }
    }
}
