package dev.callstack.server.internal;

import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket channel as a realtime client. Without permessage-deflate each message is written as a duplicate of
 * one frame encoded for all clients ({@link SharedTextFrames}); with it, as a text frame wrapping the hub's shared
 * bytes, which the extension compresses per connection.
 *
 * <p>A message sent from the channel's own event loop with nothing handed over ahead of it is written at once
 * (that is how a client catching up after a stall is drained); from any other thread it goes through a FIFO
 * hand-over queue drained on the event loop, so messages keep their order whichever thread the hub sends on. Either
 * way the flush is left to one drain task, so a burst costs one event-loop task and one flush (one {@code write}
 * or {@code writev}) instead of one per message. Bytes handed over but not yet written count against the high water
 * mark together with the channel's own buffer, so {@link #isWritable()} bounds a stalled client at its hub queue
 * plus the water mark; when the hand-over backlog drains below the mark the hub is told through {@code onWritable}.
 *
 * <p>Thread-safe: the hub calls {@link #send} from one thread at a time; the drain runs on the event loop.
 */
final class NettyClientSink implements ClientSink {
    /** Small first chunk: most clients keep up and never hold more than a few messages. */
    private static final int QUEUE_CHUNK = 16;
    private static final int QUEUE_MAX = 1 << 30;

    private final Channel channel;
    private final SharedTextFrames frames;
    private final long highWaterMark;
    // An array-backed multi-producer queue: no node allocated per message, unlike ConcurrentLinkedQueue.
    private final Queue<Object> handOver = PlatformDependent.newMpscQueue(QUEUE_CHUNK, QUEUE_MAX);
    private final AtomicLong handedOverBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile Runnable onWritable = () -> { };

    /** {@code frames} null: the connection may use an extension, so write frame objects through the encoder. */
    NettyClientSink(Channel channel, SharedTextFrames frames) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.frames = frames;
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
        Object frame = frames == null ? new TextWebSocketFrame(Unpooled.wrappedBuffer(message.utf8()))
                : frames.frameFor(message);
        if (channel.eventLoop().inEventLoop() && handOver.isEmpty()) {
            channel.write(frame, channel.voidPromise());
            scheduleDrain(); // the flush, coalesced with whatever else this loop writes before it runs
            return;
        }
        handedOverBytes.addAndGet(size(frame));
        handOver.offer(frame);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drain);
            } catch (RejectedExecutionException shuttingDown) {
                Object dropped;
                while ((dropped = handOver.poll()) != null) {
                    ReferenceCountUtil.release(dropped);
                }
                handedOverBytes.set(0);
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        long written = 0;
        Object frame;
        while ((frame = handOver.poll()) != null) {
            written += size(frame);
            channel.write(frame, channel.voidPromise());
        }
        channel.flush();
        if (written == 0) {
            return;
        }
        long prior = handedOverBytes.getAndAdd(-written);
        // The hub may have stopped on a full hand-over at any point up to now: if the backlog was at the mark just
        // before this subtraction, tell it to look again (it re-checks isWritable itself, so a spare call is harmless).
        if (prior >= highWaterMark && prior - written < highWaterMark) {
            onWritable.run();
        }
    }

    /** The bytes a handed-over frame counts against the mark; read before the write, which consumes it. */
    private static long size(Object frame) {
        return frame instanceof TextWebSocketFrame text ? text.content().readableBytes()
                : ((ByteBuf) frame).readableBytes();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable() && handedOverBytes.get() < highWaterMark;
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
