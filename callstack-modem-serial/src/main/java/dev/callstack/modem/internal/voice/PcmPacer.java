package dev.callstack.modem.internal.voice;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a clip to the modem's audio port in real time: 40 ms frames of 640 bytes, frame {@code k} at
 * {@code start + k * 40 ms} on a monotonic clock. Deadlines are absolute, so lateness of one write never shifts the
 * next (no drift accumulates). The first {@code prebufferFrames} go out at once to keep the modem's buffer fed. If a
 * write blocks for longer than {@value #MAX_LAG_FRAMES} frames the schedule restarts from now rather than bursting
 * the backlog into the modem. The last frame is padded with silence. {@link #stop()} from another thread ends
 * {@link #play} before the next frame; so does interrupting the playing thread (it throws, the flag kept set).
 *
 * <p>Thread-safe for {@link #stop()}; {@link #play} runs on one thread at a time.
 */
public final class PcmPacer {
    /** How far behind schedule (in frames) the pacer tolerates before it re-anchors. */
    static final int MAX_LAG_FRAMES = 3;

    /** What a playback did. */
    public record Result(int framesWritten, boolean stopped, int reanchors) {
    }

    private final PacerClock clock;
    private final int prebufferFrames;
    private final long frameNanos = AudioFormat8k.FRAME_DURATION.toNanos();
    private volatile boolean stopRequested;
    private volatile Thread player;

    /**
     * Creates a pacer.
     *
     * @param clock           the monotonic clock
     * @param prebufferFrames frames written without waiting at the start (0 to 10)
     */
    public PcmPacer(PacerClock clock, int prebufferFrames) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (prebufferFrames < 0 || prebufferFrames > 10) {
            throw new IllegalArgumentException("prebufferFrames must be 0 to 10");
        }
        this.prebufferFrames = prebufferFrames;
    }

    /**
     * Plays a clip; returns when it was written, or at the next frame boundary after {@link #stop()}.
     *
     * @param clip the audio
     * @param out  the audio port; written one whole frame per call
     * @return frames written, whether it was stopped, and how often it re-anchored
     * @throws InterruptedIOException if the playing thread is interrupted (checked before each frame and after each
     *                                wait); the interrupt flag stays set
     * @throws IOException            if a write fails
     */
    public Result play(AudioClip clip, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        ByteBuffer pcm = clip.pcmBuffer();
        int frames = (pcm.remaining() + AudioFormat8k.FRAME_BYTES - 1) / AudioFormat8k.FRAME_BYTES;
        byte[] frame = new byte[AudioFormat8k.FRAME_BYTES];
        player = Thread.currentThread();
        try {
            long start = clock.nanoTime();
            long anchorFrame = 0;
            int reanchors = 0;
            for (int k = 0; k < frames; k++) {
                if (stopRequested) {
                    return new Result(k, true, reanchors);
                }
                checkInterrupt(k);
                long deadline = start + ((long) k - anchorFrame - prebufferFrames) * frameNanos;
                long now = clock.nanoTime();
                if (now - deadline > MAX_LAG_FRAMES * frameNanos) {
                    start = now;
                    anchorFrame = (long) k - prebufferFrames;
                    reanchors++;
                } else {
                    while (!stopRequested && (now = clock.nanoTime()) < deadline) {
                        clock.parkUntil(deadline);
                        // parkNanos returns at once on an interrupted thread: without this the loop spins a core.
                        checkInterrupt(k);
                    }
                    if (stopRequested) {
                        return new Result(k, true, reanchors);
                    }
                }
                int n = Math.min(frame.length, pcm.remaining());
                pcm.get(frame, 0, n);
                java.util.Arrays.fill(frame, n, frame.length, (byte) 0);
                out.write(frame);
            }
            return new Result(frames, false, reanchors);
        } finally {
            player = null;
        }
    }

    /** An interrupt ends playback before frame {@code k}; the flag stays set for the caller to see. */
    private static void checkInterrupt(int k) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            InterruptedIOException e = new InterruptedIOException("interrupted during playback");
            e.bytesTransferred = k * AudioFormat8k.FRAME_BYTES;
            throw e;
        }
    }

    /** Asks a running {@link #play} to end before its next frame; later calls to {@code play} return at once. */
    public void stop() {
        stopRequested = true;
        Thread t = player;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
