package dev.callstack.server.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections: past the limit a new connection is closed at once, before anything reads from it, and
 * counted. First in the pipeline, so a refused connection costs no codec or buffer.
 *
 * <p>Sharable and thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> ADMITTED = AttributeKey.valueOf("callstack.admitted");

    private final int max;
    private final ServerMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max, ServerMetrics metrics) {
        if (max < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
        this.max = max;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            metrics.recordConnectionRejected();
            var unused = ctx.close();
            return;
        }
        ctx.channel().attr(ADMITTED).set(Boolean.TRUE);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel().attr(ADMITTED).getAndSet(null) != null) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }
}
