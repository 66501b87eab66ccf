package dev.callstack.server.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpServerCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises, on a thread of its own, what the server needs only once it listens, while the main thread
 * opens the store and starts the modem (which need none of it): Jackson's JSON factory, a generator and a parse into a
 * tree (every reply is JSON, most request bodies too, and the first {@code /healthz} used to wait for their classes),
 * Netty's platform probes, native epoll library, buffer allocator and HTTP codec. On a board with more than one core
 * that takes their class loading and static initialisation off the path to ready; on one core it only reorders the
 * same work. Nothing here has state the server later uses, so {@code /healthz} means what it always did.
 *
 * <p>{@link #await()} before the server starts, so that the two threads never initialise the same library at once
 * (class initialisation across threads can deadlock on a cycle). A failure here is logged and otherwise ignored: the
 * server then meets the same problem itself and reports it as before.
 *
 * <p>Thread-safe.
 */
public final class StartupWarmUp {
    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

    private final Thread thread;

    private StartupWarmUp(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts warming up on a daemon thread.
     *
     * @return the running warm-up
     */
    public static StartupWarmUp start() {
        Thread thread = DaemonThreads.named("callstack-warm-up").newThread(StartupWarmUp::run);
        thread.start();
        return new StartupWarmUp(thread);
    }

    /**
     * Waits until the warm-up is over.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        thread.join();
    }

    static void run() {
        try {
            Json.object(Unpooled.wrappedBuffer(Json.write(g -> {
                g.writeStartObject();
                g.writeStringField("status", "ready");
                g.writeNumberField("uptime_seconds", 0L);
                g.writeEndObject();
            })));
            TransportChooser.NativeEpoll.NETTY.available();
            ByteBufAllocator.DEFAULT.buffer(1).release();
            new HttpServerCodec();
        } catch (RuntimeException | LinkageError failed) {
            log.debug("Start-up warm-up failed ({}); the server starts without it", failed.getClass().getSimpleName());
        }
    }
}
