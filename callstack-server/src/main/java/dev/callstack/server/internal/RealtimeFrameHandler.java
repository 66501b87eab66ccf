package dev.callstack.server.internal;

import dev.callstack.realtime.ClientHandle;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.realtime.View;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realtime side of one WebSocket: on handshake it drops the HTTP-only handlers and registers the channel with
 * the hub (which sends the hello first); it forwards writability to the hub, pings an idle client and closes one
 * that stayed silent for a second idle period, closes on binary frames (1003) and on messages over the limit
 * (1009, also when fragmented), and ignores text frames. Once it has started a close, later frames are released
 * unread: one close frame per connection.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class RealtimeFrameHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RealtimeFrameHandler.class);

    private final RealtimeHub hub;
    private final int maxMessageBytes;
    /** Where a resuming client's journal pages are read, off the event loop. */
    private final Executor journalReads;
    /** The write tasks of the server's event loops, shared by all connections. */
    private final LoopWriters writers;
    /** Whether the server offers permessage-deflate (a connection that took it writes frames through its encoder). */
    private final boolean mayDeflate;
    private ClientHandle handle;
    private long messageBytes;
    private boolean closing;

    RealtimeFrameHandler(RealtimeHub hub, int maxMessageBytes, Executor journalReads, LoopWriters writers,
                         boolean mayDeflate) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.mayDeflate = mayDeflate;
        this.journalReads = Objects.requireNonNull(journalReads, "journalReads");
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            onHandshake(ctx);
        } else if (evt instanceof IdleStateEvent idle) {
            onIdle(ctx, idle);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    private void onHandshake(ChannelHandlerContext ctx) {
        // From here on frames, not requests, flow: the request-only handlers leave the path.
        removeIfPresent(ctx, ServerChannelInitializer.SEQUENCE);
        removeIfPresent(ctx, ServerChannelInitializer.AUTH);
        removeIfPresent(ctx, ServerChannelInitializer.ROUTER);
        Caller caller = ctx.channel().attr(ChannelAttributes.CALLER).getAndSet(null);
        EventSelection selection = ctx.channel().attr(ChannelAttributes.WS_SELECTION).getAndSet(null);
        View view = caller != null ? caller.view() : View.REDACTED;
        NettyClientSink sink = new NettyClientSink(ctx.channel(), writers.of(ctx.channel().eventLoop()),
                mayDeflate);
        Long since = ctx.channel().attr(ChannelAttributes.WS_SINCE).getAndSet(null);
        EventSelection events = selection != null ? selection : EventSelection.all();
        handle = since == null ? hub.register(sink, events, view)
                : hub.register(sink, events, view, since, journalReads);
        ClientHandle registered = handle;
        sink.onWritable(registered::writabilityChanged);
        log.debug("Realtime client {} connected (key #{}, view {})", ctx.channel().id().asShortText(),
                caller == null ? 0 : caller.keyId(), view);
    }

    private void onIdle(ChannelHandlerContext ctx, IdleStateEvent idle) {
        if (idle.isFirst()) {
            ctx.writeAndFlush(new PingWebSocketFrame());
        } else {
            log.debug("Realtime client {} did not answer a ping; closing", ctx.channel().id().asShortText());
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            // Frames that were already in flight behind the one that started the close.
            frame.release();
            return;
        }
        boolean binary = frame instanceof BinaryWebSocketFrame;
        // A fragmented message is limited as a whole, like a single frame is by the decoder.
        messageBytes = frame instanceof ContinuationWebSocketFrame
                ? messageBytes + frame.content().readableBytes() : frame.content().readableBytes();
        frame.release();
        if (binary) {
            closeWith(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary frames are not supported");
        } else if (messageBytes > maxMessageBytes) {
            closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big");
        }
        // Text frames carry nothing the protocol defines: ignored.
    }

    private void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        closing = true;
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (handle != null && ctx.channel().isWritable()) {
            handle.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handle != null) {
            handle.close();
            log.debug("Realtime client {} disconnected ({} dropped)", ctx.channel().id().asShortText(),
                    handle.dropped());
            handle = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection {} failed: {}", ctx.channel().id().asShortText(), cause.getClass().getName());
        ctx.close();
    }

    private static void removeIfPresent(ChannelHandlerContext ctx, String name) {
        if (ctx.pipeline().get(name) != null) {
            ctx.pipeline().remove(name);
        }
    }
}
