package dev.callstack.server.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;

/**
 * The first handler on a TLS port: looks at the first record header and puts an {@code SslHandler} (built from the
 * context current when the connection was accepted) in its place, or, for plain HTTP, a {@link PlaintextRefusal}.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class TlsPortGuard extends OptionalSslHandler {
    static final String TLS = "tls";

    private final ServerMetrics metrics;

    TlsPortGuard(SslContext context, ServerMetrics metrics) {
        super(context);
        this.metrics = metrics;
    }

    @Override
    protected String newSslHandlerName() {
        return TLS;
    }

    @Override
    protected String newNonSslHandlerName() {
        return PlaintextRefusal.NAME;
    }

    @Override
    protected ChannelHandler newNonSslHandler(ChannelHandlerContext ctx) {
        return new PlaintextRefusal(metrics);
    }
}
