package dev.callstack.server.internal;

import dev.callstack.server.ServerTransport;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the configured {@link ServerTransport} into a {@link Transport}: epoll when asked for and loadable, NIO
 * when asked for or (for {@code AUTO}) when epoll does not load, with the reason logged once.
 *
 * <p>Immutable; thread-safe.
 */
final class TransportChooser {
    private static final Logger log = LoggerFactory.getLogger(TransportChooser.class);

    /** Whether native epoll loads here, and if not why; a seam so tests can play a machine without it. */
    interface NativeEpoll {
        /** Netty's own answer, which loads the native library at most once. */
        NativeEpoll NETTY = new NativeEpoll() {
            @Override
            public boolean available() {
                return Epoll.isAvailable();
            }

            @Override
            public String whyUnavailable() {
                Throwable cause = Epoll.unavailabilityCause();
                return cause == null ? "unknown" : cause.toString();
            }
        };

        boolean available();

        String whyUnavailable();
    }

    private final NativeEpoll epoll;

    TransportChooser(NativeEpoll epoll) {
        this.epoll = Objects.requireNonNull(epoll, "epoll");
    }

    /** Throws {@link IllegalStateException} when epoll is required and does not load. */
    Transport choose(ServerTransport requested) {
        ServerTransport wanted = requested == null ? ServerTransport.AUTO : requested;
        switch (wanted) {
            case NIO:
                return nio();
            case EPOLL:
                if (!epoll.available()) {
                    throw new IllegalStateException("--transport epoll: native epoll is not available on this "
                            + "machine (" + epoll.whyUnavailable() + "); use --transport auto or nio");
                }
                return epoll();
            case AUTO:
            default:
                if (epoll.available()) {
                    return epoll();
                }
                log.info("Native epoll transport not available ({}); using NIO", epoll.whyUnavailable());
                return nio();
        }
    }

    private static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    private static Transport epoll() {
        return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }
}
