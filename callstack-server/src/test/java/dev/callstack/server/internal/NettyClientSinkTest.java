package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sink and its loop's writer over embedded channels: the loop's tasks run only when the test says so, so what a
 * batch writes and flushes is visible exactly.
 */
class NettyClientSinkTest {

    /** Counts what reaches the socket end of the pipeline: writes and flushes. */
    private static final class Counting extends ChannelOutboundHandlerAdapter {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes.incrementAndGet();
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes.incrementAndGet();
            ctx.flush();
        }
    }

    private static EncodedMessage message(int id) {
        return EncodedMessage.ofText("{\"type\":\"signal.quality\",\"id\":" + id + "}");
    }

    private static List<String> texts(EmbeddedChannel channel) {
        ByteBuf written = channel.readOutbound();
        assertThat(channel.<Object>readOutbound()).as("one buffer per batch").isNull();
        return TextFramesTest.decode(written);
    }

    @Test
    void sendOnlyHandsOverAndOneTaskWritesEachClientsBatchAsOneBufferWithOneFlush() {
        Counting countA = new Counting();
        Counting countB = new Counting();
        EmbeddedChannel a = new EmbeddedChannel(countA);
        EmbeddedChannel b = new EmbeddedChannel(countB);
        LoopWriter writer = new LoopWriter(a.eventLoop(), Duration.ZERO); // both clients on one loop, as on a server's I/O thread
        NettyClientSink sinkA = new NettyClientSink(a, writer, false);
        NettyClientSink sinkB = new NettyClientSink(b, writer, false);
        for (int id = 1; id <= 5; id++) {
            sinkA.send(message(id));
            sinkB.send(message(id));
        }
        assertThat(countA.writes.get() + countB.writes.get()).as("nothing written before the loop runs").isZero();

        a.runPendingTasks();

        for (Counting count : List.of(countA, countB)) {
            assertThat(count.writes.get()).isEqualTo(1);
            assertThat(count.flushes.get()).isEqualTo(1);
        }
        for (EmbeddedChannel channel : List.of(a, b)) {
            assertThat(texts(channel)).containsExactly(message(1).text(), message(2).text(), message(3).text(),
                    message(4).text(), message(5).text());
        }
        sinkA.send(message(6));
        a.runPendingTasks();
        assertThat(texts(a)).containsExactly(message(6).text());
        assertThat(countA.flushes.get()).isEqualTo(2);
        assertThat(countB.flushes.get()).as("an untouched client is not flushed").isEqualTo(1);
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }

    @Test
    void aBacklogAtTheMarkIsNotWritableAndItsDrainTellsTheHubOnce() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(256, 512));
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ZERO), false);
        AtomicInteger told = new AtomicInteger();
        sink.onWritable(told::incrementAndGet);
        EncodedMessage big = EncodedMessage.ofText("x".repeat(200));
        sink.send(big);
        sink.send(big);
        assertThat(sink.isWritable()).isTrue();
        sink.send(big); // 3 × 202 bytes handed over: past the 512-byte mark
        assertThat(sink.isWritable()).isFalse();

        channel.runPendingTasks();

        assertThat(told.get()).isEqualTo(1);
        assertThat(sink.isWritable()).isTrue();
        assertThat(texts(channel)).hasSize(3);
        channel.finishAndReleaseAll();
    }

    @Test
    void aCloseGoesOutAfterWhatWasHandedOverBeforeIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ZERO), false);
        sink.send(message(1));
        sink.send(message(2));
        sink.close(4008, "slow consumer");

        channel.runPendingTasks();

        ByteBuf batch = channel.readOutbound();
        assertThat(TextFramesTest.decode(batch)).containsExactly(message(1).text(), message(2).text());
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4008);
        close.release();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aChannelClosedMidBatchGetsNothingAndItsBacklogIsLetGo() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ZERO), false);
        sink.send(message(1));
        sink.send(message(2));
        channel.unsafe().close(channel.newPromise()); // as the socket does: no pending task runs first

        channel.runPendingTasks();

        assertThat(channel.<Object>readOutbound()).isNull();
        sink.send(message(3)); // a send racing the hub's release: dropped, nothing to release
        channel.runPendingTasks();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void aConnectionWithAnExtensionEncoderGetsOneFrameObjectPerMessage() {
        WebSocketExtensionEncoder passThrough = new WebSocketExtensionEncoder() {
            @Override
            protected void encode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
                out.add(frame.retain());
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(passThrough);
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ZERO), true);
        sink.send(message(1));
        sink.send(message(2));

        channel.runPendingTasks();

        for (int id = 1; id <= 2; id++) {
            TextWebSocketFrame frame = channel.readOutbound();
            assertThat(frame.text()).isEqualTo(message(id).text());
            frame.release();
        }
        assertThat(channel.<Object>readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void withinTheFlushIntervalABatchWaitsAndWhatCameMeanwhileLeavesAsOneWrite() {
        Counting count = new Counting();
        EmbeddedChannel channel = new EmbeddedChannel(count);
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ofHours(1)),
                false);
        sink.send(message(1));
        channel.runPendingTasks();
        assertThat(texts(channel)).as("after a quiet interval: at once").containsExactly(message(1).text());

        sink.send(message(2));
        channel.runPendingTasks();
        sink.send(message(3));
        channel.runPendingTasks();
        assertThat(channel.<Object>readOutbound()).as("within the interval: deferred").isNull();
        assertThat(count.flushes.get()).isEqualTo(1);

        channel.advanceTimeBy(1, TimeUnit.HOURS);
        channel.runScheduledPendingTasks();
        assertThat(texts(channel)).containsExactly(message(2).text(), message(3).text());
        assertThat(count.flushes.get()).isEqualTo(2);
        channel.finishAndReleaseAll();
    }

    @Test
    void aBatchToManySinksSpacesTheNextOneOutAndAQuietLoopGetsItsShortIntervalBack() {
        long[] now = {0};
        List<EmbeddedChannel> channels = new ArrayList<>();
        List<NettyClientSink> sinks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            channels.add(new EmbeddedChannel());
        }
        EmbeddedChannel first = channels.get(0);
        LoopWriter writer = new LoopWriter(first.eventLoop(), Duration.ofMillis(1), () -> now[0]);
        for (EmbeddedChannel channel : channels) {
            sinks.add(new NettyClientSink(channel, writer, false));
        }
        for (NettyClientSink sink : sinks) {
            sink.send(message(1));
        }
        first.runPendingTasks();
        for (EmbeddedChannel channel : channels) {
            assertThat(texts(channel)).as("a quiet loop writes at once").containsExactly(message(1).text());
        }

        // 60 sinks x 0.4 ms = 24 ms, capped at 20 ms: 10 ms later is still within the spacing, not the 1 ms interval.
        now[0] = TimeUnit.MILLISECONDS.toNanos(10);
        sinks.get(0).send(message(2));
        first.runPendingTasks();
        assertThat(first.<Object>readOutbound()).as("10 ms after a batch to 60 sinks: deferred").isNull();

        now[0] = TimeUnit.MILLISECONDS.toNanos(20);
        first.advanceTimeBy(10, TimeUnit.MILLISECONDS);
        first.runScheduledPendingTasks();
        assertThat(texts(first)).containsExactly(message(2).text());

        // That batch wrote one sink: the 1 ms interval again.
        now[0] = TimeUnit.MILLISECONDS.toNanos(22);
        sinks.get(0).send(message(3));
        first.runPendingTasks();
        assertThat(texts(first)).as("2 ms after a batch to one sink: at once").containsExactly(message(3).text());
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aHandOverFillingUpWithinTheIntervalIsWrittenWithoutWaitingForIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(256, 512));
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ofHours(1)),
                false);
        sink.send(message(1));
        channel.runPendingTasks();
        assertThat(texts(channel)).containsExactly(message(1).text());

        EncodedMessage big = EncodedMessage.ofText("x".repeat(200));
        sink.send(big);
        channel.runPendingTasks();
        assertThat(channel.<Object>readOutbound()).as("one small message waits for the interval").isNull();
        sink.send(big); // 404 bytes handed over: past half the 512-byte mark

        channel.runPendingTasks();

        assertThat(texts(channel)).containsExactly(big.text(), big.text());
        assertThat(sink.isWritable()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void aCloseDoesNotWaitForTheFlushIntervalAndTakesTheWaitingMessagesAlong() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyClientSink sink = new NettyClientSink(channel, new LoopWriter(channel.eventLoop(), Duration.ofHours(1)),
                false);
        sink.send(message(1));
        channel.runPendingTasks();
        assertThat(texts(channel)).containsExactly(message(1).text());
        sink.send(message(2));
        channel.runPendingTasks(); // now waiting for the interval

        sink.close(1001, "server shutting down");
        channel.runPendingTasks();

        ByteBuf batch = channel.readOutbound();
        assertThat(TextFramesTest.decode(batch)).containsExactly(message(2).text());
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1001);
        close.release();
    }
}
