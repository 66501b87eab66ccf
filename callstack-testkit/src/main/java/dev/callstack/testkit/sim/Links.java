package dev.callstack.testkit.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's transports and which link is current: pipes, the TCP listener, the socat pty, and whether the
 * modem is plugged in. One link is served at a time; a new one replaces (closes) the current one.
 *
 * <p>Thread-safe.
 */
final class Links implements AutoCloseable {
    static final String THREAD_PREFIX = "callstack-sim-";
    private static final int PIPE_CAPACITY = 64 * 1024;

    private final LinkSession.Handler handler;
    private final AtomicInteger ids = new AtomicInteger();
    private final Object lock = new Object();
    private volatile int maxChunk = Integer.MAX_VALUE;

    // Guarded by lock.
    private LinkSession current;
    private final List<LinkSession> sessions = new ArrayList<>();
    private TcpListener tcp;
    private SocatPty pty;
    private boolean plugged = true;
    private boolean closed;

    Links(LinkSession.Handler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The link URCs go to, or null. */
    LinkSession current() {
        synchronized (lock) {
            return current;
        }
    }

    /** Writes {@code \r\n<line>\r\n} for each line on the current link; dropped when there is none. */
    void emit(List<String> lines) {
        LinkSession session = current();
        if (session != null) {
            session.writer().lines(lines);
        }
    }

    /** Writes {@code bytes} (not copied) on the current link; dropped when there is none. */
    void sendRaw(byte[] bytes) {
        LinkSession session = current();
        if (session != null) {
            session.writer().raw(bytes);
        }
    }

    /** Every later write on any link is cut into chunks of at most {@code maxChunk} bytes; 0 turns that off. */
    void splitWrites(int maxChunk) {
        if (maxChunk < 0) {
            throw new IllegalArgumentException("maxChunk must be >= 0: " + maxChunk);
        }
        this.maxChunk = maxChunk == 0 ? Integer.MAX_VALUE : maxChunk;
    }

    SimulatorPipe openPipe() {
        ChunkQueue toHost = new ChunkQueue(PIPE_CAPACITY);
        ChunkQueue toModem = new ChunkQueue(PIPE_CAPACITY);
        SimulatorPipe pipe = new SimulatorPipe(toHost, toModem);
        attach("pipe", toModem.inputStream(), toHost.outputStream(), pipe::close);
        return pipe;
    }

    InetSocketAddress listenTcp() {
        synchronized (lock) {
            ensureOpen();
            if (!plugged) {
                throw new IllegalStateException("unplugged: replug() first");
            }
            if (tcp == null) {
                tcp = new TcpListener(this::attachSocket);
            }
            return tcp.start();
        }
    }

    PtyEndpoint openPty() {
        if (!SocatPty.available()) {
            throw new IllegalStateException("socat is not on PATH");
        }
        SocatPty opened;
        synchronized (lock) {
            ensureOpen();
            if (pty != null) {
                throw new IllegalStateException("a pty is already open");
            }
            try {
                opened = new SocatPty(Files.createTempDirectory(THREAD_PREFIX));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a pty directory", e);
            }
            pty = opened;
            if (plugged) {
                try {
                    startPty(opened);
                } catch (RuntimeException e) {
                    pty = null;
                    opened.destroy();
                    throw e;
                }
            }
        }
        return new PtyEndpoint(opened.hostLink(), () -> closePty(opened));
    }

    void unplug() {
        List<LinkSession> dropped;
        TcpListener listener;
        SocatPty socat;
        synchronized (lock) {
            plugged = false;
            listener = tcp;
            socat = pty;
            dropped = List.copyOf(sessions);
        }
        // Outside the lock: the accept thread may be attaching a connection right now.
        if (listener != null) {
            listener.stop();
        }
        if (socat != null) {
            socat.stop();
        }
        closeAll(dropped);
    }

    void replug() {
        synchronized (lock) {
            ensureOpen();
            plugged = true;
            if (tcp != null) {
                tcp.start();
            }
            if (pty != null && !pty.isRunning()) {
                startPty(pty);
            }
        }
    }

    @Override
    public void close() {
        List<LinkSession> dropped;
        TcpListener listener;
        SocatPty socat;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            listener = tcp;
            socat = pty;
            dropped = List.copyOf(sessions);
        }
        if (listener != null) {
            listener.close();
        }
        if (socat != null) {
            socat.destroy();
        }
        closeAll(dropped);
    }

    private void attachSocket(Socket socket) {
        try {
            synchronized (lock) {
                if (!plugged) {
                    // Accepted just before unplug() stopped the listener: the cable is already out.
                    socket.close();
                    return;
                }
                attach("tcp", socket.getInputStream(), socket.getOutputStream(), socket);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
        }
    }

    private void startPty(SocatPty socat) {
        try {
            socat.start();
            // Channels, not file streams: closing a FileChannel wakes a thread blocked in a tty read. Separate
            // read and write channels, because one FileChannel serialises its reads and writes.
            FileChannel reads = FileChannel.open(socat.modemLink(), StandardOpenOption.READ);
            FileChannel writes;
            try {
                writes = FileChannel.open(socat.modemLink(), StandardOpenOption.WRITE);
            } catch (IOException e) {
                reads.close();
                throw e;
            }
            attach("pty", Channels.newInputStream(reads), Channels.newOutputStream(writes), () -> {
                try (reads; writes) {
                    // closes both
                }
            });
        } catch (IOException e) {
            socat.stop();
            throw new UncheckedIOException("cannot open the simulator pty", e);
        }
    }

    private void closePty(SocatPty socat) {
        List<LinkSession> dropped = new ArrayList<>();
        synchronized (lock) {
            if (pty == socat) {
                pty = null;
            }
            for (LinkSession session : sessions) {
                if (session.name().contains("-pty-")) {
                    dropped.add(session);
                }
            }
        }
        socat.destroy();
        closeAll(dropped);
    }

    private void attach(String kind, InputStream in, OutputStream out, Closeable resource) {
        LinkSession session = new LinkSession(THREAD_PREFIX + "link-" + kind + "-" + ids.incrementAndGet(),
                in, out, resource, handler, () -> maxChunk, this::detach);
        LinkSession replaced;
        synchronized (lock) {
            if (closed) {
                closeQuietly(resource);
                throw new IllegalStateException("simulator closed");
            }
            replaced = current;
            current = session;
            sessions.add(session);
            session.start();
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    private void detach(LinkSession session) {
        synchronized (lock) {
            sessions.remove(session);
            if (current == session) {
                current = null;
            }
        }
    }

    private static void closeAll(List<LinkSession> dropped) {
        dropped.forEach(LinkSession::close);
        dropped.forEach(LinkSession::awaitTermination);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("simulator closed");
        }
    }

    private static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException ignored) {
            // Nothing to report to.
        }
    }
}
