package dev.callstack.server.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import java.util.Objects;

/**
 * The transport chosen for the event loops and the listening socket: its name as logged ({@code epoll} or
 * {@code nio}), the event loops' I/O handler and the server channel class, which must belong together.
 */
record Transport(String name, IoHandlerFactory ioHandler, Class<? extends ServerChannel> serverChannel) {
    Transport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ioHandler, "ioHandler");
        Objects.requireNonNull(serverChannel, "serverChannel");
    }
}
