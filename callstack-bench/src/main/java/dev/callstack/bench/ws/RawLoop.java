package dev.callstack.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One selector thread of a {@link RawFleet}: reads its connections into one direct buffer, parses the server's
 * WebSocket frames in place (unmasked, 7/16/64-bit lengths), hands each complete text frame to the fleet and keeps a
 * frame split across reads in the connection's own tail buffer. Answers pings with masked pongs; allocates nothing
 * per frame.
 *
 * <p>Thread-confined to its own thread, except {@link #add} and {@link #stop}, which hand over through a queue and a
 * volatile flag.
 */
final class RawLoop implements Runnable {
    /** Larger than any frame the tool's server sends (an envelope is a few hundred bytes). */
    private static final int BUFFER = 256 * 1024;

    private final RawFleet fleet;
    private final Selector selector;
    private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer pong = ByteBuffer.allocateDirect(2 + 4 + 125);
    private volatile boolean running = true;

    RawLoop(RawFleet fleet) {
        this.fleet = fleet;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection past its handshake, with the bytes that followed the response headers. */
    private static final class Connection {
        final SocketChannel channel;
        /** Bytes of an incomplete frame, in write mode; grows (rarely) for a frame larger than it. */
        ByteBuffer tail;
        boolean hello;

        Connection(SocketChannel channel, ByteBuffer rest) {
            this.channel = channel;
            tail = ByteBuffer.allocate(Math.max(1024, rest.remaining()));
            tail.put(rest);
        }
    }

    void add(SocketChannel channel, ByteBuffer rest) {
        pending.add(new Connection(channel, rest));
        selector.wakeup();
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try (selector) {
            while (running) {
                selector.select();
                for (Connection c; (c = pending.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_READ, c);
                    // The hello may have arrived with the handshake's response.
                    read(c, false);
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isReadable()) {
                        read((Connection) key.attachment(), true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Connection c, boolean fromSocket) {
        buf.clear();
        c.tail.flip();
        buf.put(c.tail);
        c.tail.clear();
        if (fromSocket) {
            int n;
            try {
                n = c.channel.read(buf);
            } catch (IOException e) {
                n = -1; // a reset while the fleet closes under load: the counters tell the story
            }
            if (n < 0) {
                closeQuietly(c.channel);
                return;
            }
        }
        buf.flip();
        int consumed = parse(c, System.nanoTime());
        if (consumed < buf.limit()) {
            fleet.splits.increment();
            buf.position(consumed);
            if (c.tail.capacity() < buf.remaining()) {
                c.tail = ByteBuffer.allocate(Math.max(buf.remaining(), 2 * c.tail.capacity()));
            }
            c.tail.put(buf);
        }
    }

    /** Handles every complete frame in {@code buf}; returns the index of the first byte not consumed. */
    private int parse(Connection c, long now) {
        int p = 0;
        int end = buf.limit();
        while (end - p >= 2) {
            int b0 = buf.get(p) & 0xff;
            int b1 = buf.get(p + 1) & 0xff;
            long length = b1 & 0x7f;
            int header = 2;
            if (length == 126) {
                if (end - p < 4) {
                    break;
                }
                length = buf.getShort(p + 2) & 0xffff;
                header = 4;
            } else if (length == 127) {
                if (end - p < 10) {
                    break;
                }
                length = buf.getLong(p + 2);
                header = 10;
            }
            if ((b1 & 0x80) != 0) {
                header += 4; // a masked server frame breaks RFC 6455; skip the key, the scan then finds nothing
            }
            if (length < 0 || length > BUFFER - header) {
                throw new IllegalStateException("frame of " + length + " bytes exceeds the client's buffer");
            }
            if (end - p < header + length) {
                break;
            }
            int start = p + header;
            int stop = start + (int) length;
            frame(c, b0, start, stop, now);
            p = stop;
        }
        return p;
    }

    private void frame(Connection c, int b0, int start, int stop, long now) {
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        if (opcode == 0x1 && fin) {
            if (c.hello) {
                fleet.onText(buf, start, stop, now);
            } else {
                c.hello = true;
                fleet.hellos.incrementAndGet();
            }
        } else if (opcode == 0x9) {
            pong(c, start, stop);
        } else if (opcode == 0x8) {
            closeQuietly(c.channel);
        }
    }

    /** Answers a ping with a masked pong carrying its payload (at most 125 bytes for a control frame). */
    private void pong(Connection c, int start, int stop) {
        int length = Math.min(125, stop - start);
        int mask = ThreadLocalRandom.current().nextInt();
        pong.clear();
        pong.put((byte) 0x8A).put((byte) (0x80 | length)).putInt(mask);
        for (int i = 0; i < length; i++) {
            pong.put((byte) (buf.get(start + i) ^ (mask >>> (24 - 8 * (i & 3)))));
        }
        pong.flip();
        try {
            c.channel.write(pong); // 131 bytes fit any socket buffer not already full; a pong lost then is harmless
        } catch (IOException e) {
            closeQuietly(c.channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already closed or reset: nothing left to release.
        }
    }
}
