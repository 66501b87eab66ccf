package dev.callstack.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Ends a connection whose request body is still arriving, after its final response, without destroying that
 * response. Closing a socket with unread input makes the kernel answer with a reset, which fails the client's
 * remaining writes and can discard the response before the client has read it (RFC 9112, section 9.6). So the
 * server stops writing (the client sees the response, then end of stream), and reads and drops whatever the client
 * still sends until the client closes its side. It gives up and closes when more than {@link #MAX_DISCARDED_BYTES}
 * arrived, or when the idle timer fires: this handler sits in front of it, so dropped bytes do not count as
 * activity.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
    static final String NAME = "linger";
    /** Enough for any body just over a sane limit; a client sending more is cut off (and may miss the response). */
    static final long MAX_DISCARDED_BYTES = 1024 * 1024;

    private long discarded;

    /** Once {@code response} has been written, lingers as described above; a failed write closes at once. */
    static void after(ChannelFuture response) {
        response.addListener(written -> {
            Channel channel = response.channel();
            if (!written.isSuccess() || !(channel instanceof DuplexChannel duplex) || !channel.isActive()
                    || channel.pipeline().get(NAME) != null) {
                channel.close();
                return;
            }
            channel.pipeline().addFirst(NAME, new LingeringClose());
            duplex.shutdownOutput();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            discarded += bytes.readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (discarded > MAX_DISCARDED_BYTES) {
            ctx.close();
        }
    }
}
