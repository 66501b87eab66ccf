package dev.callstack.server.internal;

import dev.callstack.realtime.ClientSink;
import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.netty.util.internal.PlatformDependent;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket channel as a realtime client. {@link #send} only hands the message over: into this sink's FIFO, and
 * the sink marks itself once on its event loop's {@link LoopWriter}, whose one task per batch calls
 * {@link #writeBatch} and then {@link #flush}. Whichever thread the hub sends on, messages keep their order.
 *
 * <p>A batch without permessage-deflate is framed ({@link TextFrames}) into one pooled buffer per client: one
 * allocation and one outbound entry per client per batch, and no per-client duplicate of a shared frame, whose
 * reader index the socket would move on a partial write (and whose heap bytes the transport would copy to a direct
 * buffer per client anyway). A connection that negotiated permessage-deflate gets a {@link TextWebSocketFrame} per
 * message over the hub's shared bytes, which the extension compresses per connection.
 *
 * <p>Bytes handed over but not yet written count against the high water mark together with the channel's own
 * buffer, so {@link #isWritable()} bounds a stalled client at its hub queue plus about twice the mark; when a batch
 * brings the backlog below the mark the hub is told through {@code onWritable}. A close is written by a task of its
 * own, queued at once, after the messages handed over before it. What waits in the hand-over is heap bytes (the hub's arrays), so a
 * connection or loop that goes away has nothing to release: every pooled buffer is written, or released by the
 * channel, in the task that allocated it.
 *
 * <p>Thread-safe: {@link #send} and {@link #close} from any thread (the hub sends from one thread at a time, in
 * order); {@link #writeBatch} and {@link #flush} are confined to the event loop.
 */
final class NettyClientSink implements ClientSink {
    /** Small first chunk: most clients keep up and never hold more than a few messages. */
    private static final int QUEUE_CHUNK = 16;
    private static final int QUEUE_MAX = 1 << 30;

    private record CloseRequest(int code, String reason) {
    }

    private final Channel channel;
    private final LoopWriter writer;
    /** False when the server never negotiates permessage-deflate: no need to look at the pipeline. */
    private final boolean mayDeflate;
    private final long highWaterMark;
    /** A hand-over this big makes the writer cut its flush interval short. */
    private final long hurryBytes;
    private final Queue<EncodedMessage> handOver = PlatformDependent.newMpscQueue(QUEUE_CHUNK, QUEUE_MAX);
    /** Frame bytes handed over so far; written by the sending thread only (one at a time), so no atomic add. */
    private final AtomicLong handedOverBytes = new AtomicLong();
    /** Frame bytes taken from the hand-over so far; written by the loop only. */
    private final AtomicLong writtenBytes = new AtomicLong();
    /** Set while the sink waits in the writer's queue, so it is queued once per batch, not once per message. */
    private final AtomicBoolean marked = new AtomicBoolean();
    private volatile CloseRequest closeRequest;
    private volatile Runnable onWritable = () -> { };
    private final Runnable closeNow = this::closeNow;

    // Confined to the event loop.
    private boolean modeKnown;
    private boolean deflating;
    private boolean unflushed;
    private boolean closeWritten;

    /** {@code mayDeflate}: whether the server offers permessage-deflate (then each connection is looked at). */
    NettyClientSink(Channel channel, LoopWriter writer, boolean mayDeflate) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.mayDeflate = mayDeflate;
        this.highWaterMark = channel.config().getWriteBufferHighWaterMark();
        this.hurryBytes = highWaterMark / 2;
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
        // Counted before the offer, so the loop never takes a message whose bytes it cannot see.
        long handedOver = handedOverBytes.get() + TextFrames.frameLength(message.utf8().length);
        handedOverBytes.lazySet(handedOver);
        handOver.offer(message);
        mark();
        if (handedOver - writtenBytes.get() >= hurryBytes) {
            writer.hurry();
        }
    }

    private void mark() {
        if (!marked.get() && marked.compareAndSet(false, true)) {
            writer.mark(this);
        }
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable() && handedOverBytes.get() - writtenBytes.get() < highWaterMark;
    }

    @Override
    public void close(int code, String reason) {
        closeRequest = new CloseRequest(code, reason);
        // A task of its own, queued now: on shutdown the server closes every connection right after the hub's closes,
        // and the close frame (with what was handed over before it) must be on the loop's queue ahead of that.
        try {
            channel.eventLoop().execute(closeNow);
        } catch (RejectedExecutionException shuttingDown) {
            channel.close(); // the loop is going and closes its channels itself; this is only for good measure
        }
    }

    /**
     * Writes everything handed over (and a requested close) without flushing; true when this is the first write
     * since the last {@link #flush}, so the writer flushes each sink once.
     */
    boolean writeBatch() {
        marked.set(false); // a send from here on marks the sink again, so nothing is left behind
        long bytes;
        boolean wrote = false;
        if (closeWritten || !channel.isActive()) {
            bytes = discard();
        } else {
            bytes = deflating() ? writeFrames() : writeRaw();
            wrote = bytes > 0;
        }
        if (bytes > 0) {
            taken(bytes);
        }
        CloseRequest close = closeRequest;
        if (close != null && !closeWritten) {
            closeWritten = true;
            if (channel.isActive()) {
                channel.write(new CloseWebSocketFrame(close.code(), close.reason()))
                        .addListener(ChannelFutureListener.CLOSE);
                wrote = true;
            } else {
                channel.close();
            }
        }
        if (wrote && !unflushed) {
            unflushed = true;
            return true;
        }
        return false;
    }

    private void closeNow() {
        if (writeBatch()) {
            flush();
        }
    }

    void flush() {
        unflushed = false;
        channel.flush();
    }

    /** Decided on the first batch, after the handshake's listeners have installed any extension encoder. */
    private boolean deflating() {
        if (!modeKnown) {
            modeKnown = true;
            deflating = mayDeflate && channel.pipeline().get(WebSocketExtensionEncoder.class) != null;
        }
        return deflating;
    }

    /** All handed-over messages framed into one buffer, written as one outbound entry. */
    private long writeRaw() {
        EncodedMessage message = handOver.poll();
        if (message == null) {
            return 0;
        }
        // The backlog is the size of this batch (a little less if a send races in; the buffer grows then).
        long backlog = handedOverBytes.get() - writtenBytes.get();
        ByteBuf batch = channel.alloc().ioBuffer((int) Math.min(Math.max(backlog, 64), highWaterMark * 2));
        long bytes = 0;
        do {
            bytes += TextFrames.write(batch, message.utf8());
        } while ((message = handOver.poll()) != null);
        channel.write(batch, channel.voidPromise());
        return bytes;
    }

    /** One frame object per message, for the extension's encoder (it compresses per connection). */
    private long writeFrames() {
        long bytes = 0;
        EncodedMessage message;
        while ((message = handOver.poll()) != null) {
            bytes += TextFrames.frameLength(message.utf8().length);
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(message.utf8())), channel.voidPromise());
        }
        return bytes;
    }

    private long discard() {
        long bytes = 0;
        EncodedMessage message;
        while ((message = handOver.poll()) != null) {
            bytes += TextFrames.frameLength(message.utf8().length);
        }
        return bytes;
    }

    /** Counts bytes taken from the hand-over; tells the hub when that brought the backlog below the mark. */
    private void taken(long bytes) {
        long written = writtenBytes.get() + bytes;
        writtenBytes.set(written); // a full store: the read below must not see a sender's count older than it
        long backlog = handedOverBytes.get() - written;
        // The hub may have stopped on a full hand-over at any point up to now: if the backlog was at the mark just
        // before this batch, tell it to look again (it re-checks isWritable itself, so a spare call is harmless).
        if (backlog < highWaterMark && backlog + bytes >= highWaterMark) {
            onWritable.run();
        }
    }
}
