package dev.callstack.server.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import java.util.Objects;

/** Puts every accepted connection in the server's group so shutdown can reach it. Sharable and thread-safe. */
@ChannelHandler.Sharable
final class ConnectionTracker extends ChannelInboundHandlerAdapter {
    private final ChannelGroup connections;

    ConnectionTracker(ChannelGroup connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connections.add(ctx.channel());
        ctx.fireChannelActive();
    }
}
