package dev.callstack.server;

/**
 * The Netty transport the server's sockets use.
 *
 * <p>Native epoll saves a system call or two per write and some copying compared with Java NIO; it exists on Linux
 * (x86-64 and 64-bit ARM) only, so {@link #AUTO} falls back to NIO elsewhere and says why in the startup log.
 */
public enum ServerTransport {
    /** Native epoll when it loads on this machine, else Java NIO. The default. */
    AUTO,
    /** Java NIO: every platform. */
    NIO,
    /** Native epoll; the server refuses to start where it does not load. */
    EPOLL
}
