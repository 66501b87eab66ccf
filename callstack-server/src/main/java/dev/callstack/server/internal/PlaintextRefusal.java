package dev.callstack.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Answers a plain-text request on a TLS port once, with a 400 in the house error shape, then lingers and closes:
 * the client learns to use {@code https://} instead of seeing a reset or waiting for a handshake. Nothing it sent is
 * parsed or passed on.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class PlaintextRefusal extends ChannelInboundHandlerAdapter {
    static final String NAME = "plaintext-refusal";
    private static final byte[] RESPONSE = response();

    private final ServerMetrics metrics;
    private boolean answered;

    PlaintextRefusal(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    private static byte[] response() {
        HttpReply reply = ErrorBody.reply(400, ErrorBody.TLS_REQUIRED).closing();
        // Written by hand: the HTTP codec further down the pipeline never saw a request to answer.
        String head = "HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: " + reply.contentType() + "\r\n"
                + "Content-Length: " + reply.body().length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[headBytes.length + reply.body().length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(reply.body(), 0, bytes, headBytes.length, reply.body().length);
        return bytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        if (answered || !(msg instanceof ByteBuf)) {
            return;
        }
        answered = true;
        metrics.recordHttp(RoutePaths.UNMATCHED, 400);
        LingeringClose.after(ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE)));
    }
}
