package dev.callstack.server.internal;

import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket channel as a realtime client. Each message is the hub's shared bytes wrapped (not copied) in one text
 * frame.
 *
 * <p>Every write goes through the channel's event loop as a task, so messages keep their order whichever thread the
 * hub drains on (a direct write from the loop would overtake tasks queued by other threads). Bytes handed over but
 * not yet written count against the high water mark too, so {@link #isWritable()} bounds a stalled client at its hub
 * queue plus the water mark; when that backlog drains below the mark the hub is told through {@code onWritable}.
 * Flushes are coalesced: one per batch of queued writes.
 *
 * <p>Thread-safe: the counter is atomic; {@code flushScheduled} is confined to the event loop.
 */
final class NettyClientSink implements ClientSink {
    private final Channel channel;
    private final long highWaterMark;
    private final AtomicLong handedOver = new AtomicLong();
    private volatile Runnable onWritable = () -> { };
    private boolean flushScheduled;

    NettyClientSink(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.highWaterMark = channel.config().getWriteBufferHighWaterMark();
    }

    /** Called when the backlog handed to the event loop drained below the high water mark. */
    void onWritable(Runnable callback) {
        this.onWritable = Objects.requireNonNull(callback, "callback");
    }

    @Override
    public String connectionId() {
        return channel.id().asShortText();
    }

    @Override
    public void send(EncodedMessage message) {
        byte[] bytes = message.utf8();
        handedOver.addAndGet(bytes.length);
        try {
            channel.eventLoop().execute(() -> write(bytes));
        } catch (RejectedExecutionException shuttingDown) {
            handedOver.addAndGet(-bytes.length);
        }
    }

    private void write(byte[] bytes) {
        long before = handedOver.getAndAdd(-bytes.length);
        channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(this::flush);
        }
        if (before >= highWaterMark && before - bytes.length < highWaterMark && channel.isWritable()) {
            onWritable.run();
        }
    }

    private void flush() {
        flushScheduled = false;
        channel.flush();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable() && handedOver.get() < highWaterMark;
    }

    @Override
    public void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }
}
