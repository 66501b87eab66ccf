package dev.callstack.modem.internal.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.voice.AudioClip;
import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PcmPacerTest {
    private static final long FRAME = 40_000_000L;

    /** Virtual time: parking jumps to the deadline; an optional write cost simulates a slow port. */
    private static final class VirtualClock implements PacerClock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            now = Math.max(now, deadlineNanos);
        }
    }

    private static final class TimedSink extends OutputStream {
        final VirtualClock clock;
        final List<Long> writes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long costNanos;
        int stallAfter = -1;

        TimedSink(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public void write(int b) {
            throw new AssertionError("frames are written whole");
        }

        @Override
        public void write(byte[] b, int off, int len) {
            assertThat(len).isEqualTo(640);
            writes.add(clock.now);
            bytes.write(b, off, len);
            clock.now += costNanos;
            if (writes.size() == stallAfter) {
                clock.now += 1_000_000_000L; // the port blocked for a second
            }
        }
    }

    @Test
    void framesGoOutOnAnAbsoluteFortyMillisecondSchedule() throws Exception {
        VirtualClock clock = new VirtualClock();
        TimedSink sink = new TimedSink(clock);
        sink.costNanos = 7_000_000; // every write takes 7 ms: must not accumulate
        PcmPacer.Result result = new PcmPacer(clock, 2).play(AudioClip.silence(Duration.ofSeconds(2)), sink);
        assertThat(result).isEqualTo(new PcmPacer.Result(50, false, 0));
        long t0 = 1_000_000_000L;
        assertThat(sink.writes.get(0)).isEqualTo(t0);
        assertThat(sink.writes.get(1)).isEqualTo(t0 + 7_000_000); // prebuffer: back to back
        for (int k = 2; k < 50; k++) {
            assertThat(sink.writes.get(k)).as("frame %d", k).isEqualTo(t0 + (k - 2) * FRAME + (k == 2 ? 14_000_000 : 0));
        }
    }

    @Test
    void lastFrameIsPaddedWithSilence() throws Exception {
        VirtualClock clock = new VirtualClock();
        TimedSink sink = new TimedSink(clock);
        short[] samples = new short[321];
        java.util.Arrays.fill(samples, (short) 1000);
        new PcmPacer(clock, 0).play(AudioClip.ofSamples("x", samples), sink);
        byte[] out = sink.bytes.toByteArray();
        assertThat(out).hasSize(1280);
        assertThat(out[640]).isEqualTo((byte) 0xe8);
        assertThat(out[641]).isEqualTo((byte) 0x03);
        for (int i = 642; i < 1280; i++) {
            assertThat(out[i]).isZero();
        }
    }

    @Test
    void aLongStallReanchorsInsteadOfBursting() throws Exception {
        VirtualClock clock = new VirtualClock();
        TimedSink sink = new TimedSink(clock);
        sink.stallAfter = 5;
        PcmPacer.Result result = new PcmPacer(clock, 0).play(AudioClip.silence(Duration.ofMillis(400)), sink);
        assertThat(result.reanchors()).isEqualTo(1);
        assertThat(result.framesWritten()).isEqualTo(10);
        for (int k = 6; k < 10; k++) {
            assertThat(sink.writes.get(k) - sink.writes.get(k - 1)).isEqualTo(FRAME);
        }
    }

    /**
     * Parking on an interrupted thread returns at once, as {@code LockSupport.parkNanos} does; time creeps on by 1 µs
     * per call, so a pacer that kept waiting would spin about 40 000 times per frame rather than hang the test.
     */
    private static final class InterruptibleClock implements PacerClock {
        long now = 1_000_000_000L;
        int parks;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            parks++;
            now = Thread.currentThread().isInterrupted() ? now + 1_000 : Math.max(now, deadlineNanos);
        }
    }

    @Test
    void anInterruptEndsPlaybackAtOnceAndKeepsTheFlag() {
        InterruptibleClock clock = new InterruptibleClock();
        List<Long> writes = new ArrayList<>();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("frames are written whole");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(clock.now);
                Thread.currentThread().interrupt(); // arrives while the first frame is being written
            }
        };
        try {
            assertThatThrownBy(() -> new PcmPacer(clock, 0).play(AudioClip.silence(Duration.ofSeconds(1)), sink))
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(writes).hasSize(1);
        assertThat(clock.parks).isLessThanOrEqualTo(1);
    }

    @Test
    void anInterruptedThreadWritesNothing() {
        InterruptibleClock clock = new InterruptibleClock();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new PcmPacer(clock, 2).play(AudioClip.silence(Duration.ofSeconds(1)), sink))
                    .isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(sink.size()).isZero();
        assertThat(clock.parks).isZero();
    }

    @Test
    void stopEndsPlaybackWithinOneFrameOnTheRealClock() throws Exception {
        PcmPacer pacer = new PcmPacer(PacerClock.SYSTEM, 1);
        CountDownLatch started = new CountDownLatch(3);
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
                started.countDown();
            }
        };
        CompletableFuture<PcmPacer.Result> playing = CompletableFuture.supplyAsync(() -> {
            try {
                return pacer.play(AudioClip.silence(Duration.ofMinutes(10)), sink);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        pacer.stop();
        // The stop unparks the player, so it ends at once rather than after the rest of a 10-minute clip; the bound
        // is loose because this box is shared (the 100 ms figure is measured in callstack-bench, not asserted).
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).until(playing::isDone);
        assertThat(playing.get().stopped()).isTrue();
        assertThat(pacer.play(AudioClip.silence(Duration.ofSeconds(1)), sink).framesWritten()).isZero();
    }
}
