package dev.callstack.server.internal;

import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket channel as a realtime client. Each message is the hub's shared bytes wrapped (not copied) in one text
 * frame.
 *
 * <p>Messages go through a FIFO hand-over queue drained on the channel's event loop, so they keep their order
 * whichever thread the hub drains on (a direct write from the loop would overtake writes other threads queued), and
 * a burst costs one event-loop task and one flush instead of one per message. Bytes handed over but not yet written
 * count against the high water mark together with the channel's own buffer, so {@link #isWritable()} bounds a
 * stalled client at its hub queue plus the water mark; when the hand-over backlog drains below the mark the hub is
 * told through {@code onWritable}.
 *
 * <p>Thread-safe: the hub calls {@link #send} from one thread at a time; the drain runs on the event loop.
 */
final class NettyClientSink implements ClientSink {
    private final Channel channel;
    private final long highWaterMark;
    private final Queue<byte[]> handOver = new ConcurrentLinkedQueue<>();
    private final AtomicLong handedOverBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile Runnable onWritable = () -> { };

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
        handedOverBytes.addAndGet(bytes.length);
        handOver.offer(bytes);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drain);
            } catch (RejectedExecutionException shuttingDown) {
                handOver.clear();
                handedOverBytes.set(0);
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        long written = 0;
        byte[] bytes;
        while ((bytes = handOver.poll()) != null) {
            written += bytes.length;
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
        }
        if (written == 0) {
            return;
        }
        channel.flush();
        long prior = handedOverBytes.getAndAdd(-written);
        // The hub may have stopped on a full hand-over at any point up to now: if the backlog was at the mark just
        // before this subtraction, tell it to look again (it re-checks isWritable itself, so a spare call is harmless).
        if (prior >= highWaterMark && prior - written < highWaterMark) {
            onWritable.run();
        }
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
