package dev.callstack.modem.internal.audio;

import dev.callstack.core.CallApi;
import dev.callstack.core.CallEndedException;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.modem.internal.voice.DtmfDetector;
import dev.callstack.modem.internal.voice.PacerClock;
import dev.callstack.modem.internal.voice.PcmPacer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link CallSession} of one active call over the modem's audio port. Playback runs on the caller's thread
 * through a {@link PcmPacer}; received frames arrive on the audio link's reader thread ({@link #onFrame}) and feed
 * the in-band DTMF detector and a recording in progress; digits (merged, see {@link DtmfMerger}) arrive through
 * {@link #onDigit} into a bounded type-ahead buffer, which a recording discards when it starts (see
 * {@link CallSession#record}). {@link #end} (the call is over) stops playback before its next
 * frame and wakes every waiter, which then throws {@link CallEndedException} (a recording returns with
 * {@link Recording.Ending#HANGUP} instead).
 *
 * <p>Thread-safe: state is guarded by {@code lock}; plays are serialised by {@code playLock}; the detector is confined
 * to the reader thread.
 */
public final class SerialCallSession implements CallSession {
    /** Frames written at once at the start of a prompt, so the modem's buffer never runs dry. */
    static final int PREBUFFER_FRAMES = 2;
    /** Type-ahead digits kept; older ones are dropped first. */
    static final int MAX_BUFFERED_DIGITS = 64;
    /** How much longer than its maximum a recording waits when the audio stops arriving. */
    private static final Duration RECORD_GRACE = Duration.ofSeconds(2);
    private static final long AT_TIMEOUT_SECONDS = 30;

    private final CallApi calls;
    private final OutputStream audioOut;
    private final PacerClock clock;
    private final DtmfMerger merger;
    private final DtmfDetector detector;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ReentrantLock playLock = new ReentrantLock();
    private final CountDownLatch endLatch = new CountDownLatch(1);
    private final ArrayDeque<Character> digits = new ArrayDeque<>();
    private volatile boolean ended;
    private volatile PcmPacer pacer;
    private volatile boolean bargeIn;
    private volatile boolean barged;
    private SessionRecorder recorder;
    // Guarded by lock: whether the recording in progress stops on a digit.
    private boolean stopOnDtmf;
    // Reader thread only: samples received so far, to date in-band tones.
    private long samplesReceived;

    /**
     * Creates the session of a call that just became active.
     *
     * @param calls    the modem's call control, for DTMF sending and hang-up
     * @param audioOut the audio port's output
     * @param clock    the monotonic clock of the pacer and of in-band digit times
     * @param merger   where in-band digits go (and come back through {@link #onDigit} once merged)
     */
    public SerialCallSession(CallApi calls, OutputStream audioOut, PacerClock clock, DtmfMerger merger) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.audioOut = Objects.requireNonNull(audioOut, "audioOut");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.merger = Objects.requireNonNull(merger, "merger");
        this.detector = new DtmfDetector(this::onInBand);
    }

    // ---- fed by the audio machinery ----

    /**
     * A frame received from the caller. Called on the audio reader thread.
     *
     * @param frame 640 bytes of PCM
     */
    public void onFrame(byte[] frame) {
        samplesReceived += frame.length / AudioFormat8k.BYTES_PER_SAMPLE;
        detector.accept(frame, 0, frame.length);
        lock.lock();
        try {
            if (recorder != null && !recorder.done()) {
                recorder.onFrame(frame);
                if (recorder.done()) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void onInBand(char digit, long startSample) {
        long ago = (samplesReceived - startSample) * (1_000_000_000L / AudioFormat8k.SAMPLE_RATE);
        merger.onInBandDigit(digit, clock.nanoTime() - Math.max(0, ago));
    }

    /**
     * A digit from either source, already de-duplicated. Never blocks.
     *
     * @param digit 0-9 * # A-D
     */
    public void onDigit(char digit) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (recorder != null && stopOnDtmf && !recorder.done()) {
                // The key that ends a recording is consumed: it answered "press # when done", not the next prompt.
                recorder.finish(Recording.Ending.DTMF);
            } else {
                if (digits.size() == MAX_BUFFERED_DIGITS) {
                    digits.removeFirst();
                }
                digits.addLast(digit);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        PcmPacer playing = pacer;
        if (bargeIn && playing != null) {
            barged = true;
            playing.stop();
        }
    }

    /** The call is over (or its audio is): stops playback, wakes every waiter. Idempotent; never blocks. */
    public void end() {
        ended = true;
        PcmPacer playing = pacer;
        if (playing != null) {
            playing.stop();
        }
        lock.lock();
        try {
            if (recorder != null) {
                recorder.finish(Recording.Ending.HANGUP);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        endLatch.countDown();
    }

    // ---- CallSession ----

    @Override
    public void play(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        playLock.lock();
        try {
            playLocked(clip);
        } finally {
            playLock.unlock();
        }
    }

    @Override
    public void playSequence(List<AudioClip> clips) {
        Objects.requireNonNull(clips, "clips");
        if (clips.isEmpty()) {
            ensureActive();
            return;
        }
        // One clip, one schedule: joining them is the only way to play without a gap between frame schedules.
        AudioClip joined = null;
        for (AudioClip clip : clips) {
            Objects.requireNonNull(clip, "clips must not contain null");
            joined = joined == null ? clip : joined.append(clip);
        }
        play(joined);
    }

    private void playLocked(AudioClip clip) {
        ensureActive();
        PcmPacer p = new PcmPacer(clock, PREBUFFER_FRAMES);
        pacer = p;
        try {
            if (ended || (bargeIn && barged)) {
                p.stop();
            }
            p.play(clip, audioOut);
        } catch (InterruptedIOException e) {
            // The caller's thread was interrupted (a shutdown): stop promptly, keep the flag, leave the call as it is.
            throw new CallEndedException("interrupted during playback");
        } catch (IOException e) {
            // The port closed under us: the call ended (teardown closes it) or the link failed.
            if (!ended) {
                end();
            }
            throw new CallEndedException("the call's audio ended during playback");
        } finally {
            pacer = null;
        }
        ensureActive();
    }

    @Override
    public Recording record(RecordOptions options) {
        Objects.requireNonNull(options, "options");
        SessionRecorder mine = new SessionRecorder(options);
        long wallLimit = options.maxDuration().plus(RECORD_GRACE).toNanos();
        lock.lock();
        try {
            ensureActive();
            // Type-ahead answered an earlier prompt: it must neither end this recording nor be read after it.
            digits.clear();
            recorder = mine;
            stopOnDtmf = options.stopOnDtmf();
            long left = wallLimit;
            while (!mine.done() && left > 0) {
                left = changed.awaitNanos(left);
            }
            // The audio stopped arriving: what came is all there is.
            mine.finish(Recording.Ending.MAX_DURATION);
            return mine.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine.finish(ended ? Recording.Ending.HANGUP : Recording.Ending.MAX_DURATION);
            return mine.result();
        } finally {
            recorder = null;
            stopOnDtmf = false;
            lock.unlock();
        }
    }

    @Override
    public String collectDtmf(int maxDigits, Duration timeout, char terminator) {
        checkCollect(maxDigits, timeout, terminator);
        ensureActive();
        return collect(maxDigits, timeout, terminator);
    }

    @Override
    public String playAndCollect(AudioClip prompt, int maxDigits, Duration timeout, char terminator) {
        Objects.requireNonNull(prompt, "prompt");
        checkCollect(maxDigits, timeout, terminator);
        playLock.lock();
        try {
            lock.lock();
            try {
                barged = !digits.isEmpty();
            } finally {
                lock.unlock();
            }
            bargeIn = true;
            try {
                playLocked(prompt);
            } finally {
                bargeIn = false;
                barged = false;
            }
        } finally {
            playLock.unlock();
        }
        return collect(maxDigits, timeout, terminator);
    }

    private String collect(int maxDigits, Duration timeout, char terminator) {
        StringBuilder out = new StringBuilder();
        long waitNanos = timeout.toNanos();
        lock.lock();
        try {
            long left = waitNanos;
            while (true) {
                Character next = digits.pollFirst();
                if (next != null) {
                    if (terminator != 0 && next == terminator) {
                        return out.toString();
                    }
                    out.append(next.charValue());
                    if (out.length() >= maxDigits) {
                        return out.toString();
                    }
                    left = waitNanos;
                    continue;
                }
                if (ended) {
                    throw new CallEndedException("the call ended while collecting digits");
                }
                if (left <= 0) {
                    return out.toString();
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.toString();
        } finally {
            lock.unlock();
        }
    }

    private static void checkCollect(int maxDigits, Duration timeout, char terminator) {
        if (maxDigits < 1 || maxDigits > CallApi.MAX_DTMF_DIGITS) {
            throw new IllegalArgumentException("maxDigits must be 1 to " + CallApi.MAX_DTMF_DIGITS);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        if (terminator != 0 && !DtmfReceived.isDtmf(terminator)) {
            throw new IllegalArgumentException("terminator must be a DTMF digit or 0");
        }
    }

    @Override
    public void sendDtmf(String digits) {
        ensureActive();
        await(calls.sendDtmf(digits), true);
    }

    @Override
    public void hangUp() {
        if (ended) {
            return;
        }
        await(calls.hangUp(), false);
    }

    /** Waits for a call-control future; an error after the call ended is the end, not a failure. */
    private void await(CompletableFuture<Void> future, boolean endedIsError) {
        try {
            future.get(AT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallEndedException("interrupted while the modem worked");
        } catch (TimeoutException e) {
            throw new CallEndedException("the modem did not answer");
        } catch (ExecutionException e) {
            if (ended) {
                if (endedIsError) {
                    throw new CallEndedException("the call ended");
                }
                return;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (endedIsError) {
            ensureActive();
        }
    }

    @Override
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return endLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isActive() {
        return !ended;
    }

    private void ensureActive() {
        if (ended) {
            throw new CallEndedException("the call has ended");
        }
    }

    @Override
    public String toString() {
        return "SerialCallSession[active=" + !ended + "]";
    }
}
