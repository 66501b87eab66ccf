package dev.callstack.modem.internal.audio;

import dev.callstack.core.CallApi;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.VoiceApi;
import dev.callstack.core.voice.VoiceStatus;
import dev.callstack.modem.internal.LinkOpener;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.voice.PacerClock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio side of calls, and the modem's {@link VoiceApi}. When a call becomes active the audio port is opened,
 * its reader started and the profile's PCM-on command sent; then the call has a {@link SerialCallSession}. When the
 * call ends (by any path: every one ends in a call state change or a disconnect, see {@code CallControl}) the session
 * is ended at once (playback stops before its next frame), then the PCM-off command is sent if the modem is
 * connected and the port is closed. If PCM-off could not be sent (the modem was gone), it is sent once after the
 * next connect. A port that fails to open, or a profile without a PCM command, makes the status
 * {@link VoiceStatus#ERROR}; the call itself goes on without audio.
 *
 * <p>Threads: the blocking work (open, PCM on/off, close) runs on one control thread per modem
 * ({@value #THREAD_PREFIX}N), in order; each call's audio port has its reader thread, which ends when the port is
 * closed. Thread-safe: the hooks ({@link #onCallActive}, {@link #onCallEnded}, {@link #onConnected}) never block and
 * may be called under the caller's locks; state is guarded by this object's monitor.
 */
public final class CallAudio implements VoiceApi, AutoCloseable {
    /** The control thread's name starts with this. */
    public static final String THREAD_PREFIX = "callstack-audio-";
    private static final Logger log = LoggerFactory.getLogger(CallAudio.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final long AT_TIMEOUT_SECONDS = 30;

    private final LinkOpener opener;
    private final AtChannel at;
    private final Supplier<PcmSwitch> pcm;
    private final BooleanSupplier ready;
    private final CallApi calls;
    private final PacerClock clock;
    private final ExecutorService control;
    private DtmfMerger merger;
    private volatile VoiceStatus status = VoiceStatus.OPEN;
    private long generation;
    private boolean callActive;
    private SerialCallSession session;
    private AudioLink link;
    // PCM-on was sent and no PCM-off has been acknowledged since: the modem may still route audio to the port.
    private boolean pcmMaybeOn;
    private String pcmOffPending;

    /**
     * Creates the audio side of a modem with an audio port.
     *
     * @param opener opens the audio port, once per call
     * @param at     the AT command channel
     * @param pcm    the active profile's PCM commands
     * @param ready  whether the modem is connected
     * @param calls  call control (sessions send DTMF and hang up through it)
     * @param clock  the monotonic clock of playback
     */
    public CallAudio(LinkOpener opener, AtChannel at, Supplier<PcmSwitch> pcm, BooleanSupplier ready, CallApi calls,
                     PacerClock clock) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.at = Objects.requireNonNull(at, "at");
        this.pcm = Objects.requireNonNull(pcm, "pcm");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
        String name = THREAD_PREFIX + IDS.incrementAndGet();
        this.control = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects the merger whose in-band digits the sessions feed (set once, before the modem starts).
     *
     * @param dtmf the modem's merger
     */
    public synchronized void merger(DtmfMerger dtmf) {
        this.merger = Objects.requireNonNull(dtmf, "dtmf");
    }

    @Override
    public VoiceStatus status() {
        // Known once the modem is identified: a family without a PCM command cannot use the port at all.
        return ready.getAsBoolean() && !pcm.get().supported() ? VoiceStatus.ERROR : status;
    }

    @Override
    public synchronized Optional<CallSession> session() {
        return Optional.ofNullable(session);
    }

    /** A merged digit: to the session's type-ahead buffer, if there is a session. */
    public void onDigit(char digit) {
        SerialCallSession current;
        synchronized (this) {
            current = session;
        }
        if (current != null) {
            current.onDigit(digit);
        }
    }

    /** The call became active; never blocks. */
    public synchronized void onCallActive() {
        if (callActive) {
            return;
        }
        callActive = true;
        long id = ++generation;
        submit(() -> open(id));
    }

    /** The call is over; ends the session at once and tears the audio down on the control thread. Never blocks. */
    public void onCallEnded() {
        SerialCallSession ending;
        AudioLink closing;
        synchronized (this) {
            if (!callActive) {
                return;
            }
            callActive = false;
            generation++;
            ending = session;
            closing = link;
            session = null;
            link = null;
        }
        if (ending != null) {
            ending.end();
        }
        if (closing != null) {
            submit(() -> teardown(closing));
        }
    }

    /** The modem (re)connected: if PCM may have been left on, switch it off once. Never blocks. */
    public void onConnected() {
        submit(this::switchOffIfLeftOn);
    }

    private void open(long id) {
        PcmSwitch commands = pcm.get();
        if (!commands.supported()) {
            status = VoiceStatus.ERROR;
            log.warn("An audio port is configured but this modem's profile has no command that routes call audio "
                    + "to it; the call goes on without audio");
            return;
        }
        Link opened;
        try {
            opened = opener.open();
        } catch (Exception e) {
            status = VoiceStatus.ERROR;
            log.warn("Audio port cannot be opened ({}); the call goes on without audio", e.getClass().getSimpleName());
            return;
        }
        AudioLink audio = new AudioLink(opened);
        SerialCallSession fresh;
        synchronized (this) {
            fresh = new SerialCallSession(calls, audio.output(), clock, Objects.requireNonNull(merger, "merger"));
            if (id != generation) {
                audio.close();
                return;
            }
            link = audio;
            pcmMaybeOn = true;
            pcmOffPending = commands.off();
        }
        audio.start(new AudioLink.Listener() {
            @Override
            public void onFrame(byte[] frame) {
                fresh.onFrame(frame);
            }

            @Override
            public void onLost(String reason) {
                onAudioLost(audio, fresh, reason);
            }
        });
        if (!send(commands.on())) {
            status = VoiceStatus.ERROR;
            log.warn("The modem refused to route call audio to the audio port; the call goes on without audio");
            synchronized (this) {
                if (link == audio) {
                    link = null;
                }
            }
            teardown(audio);
            return;
        }
        synchronized (this) {
            if (id != generation) {
                return; // Ended meanwhile: onCallEnded queued the teardown.
            }
            session = fresh;
        }
        status = VoiceStatus.OPEN;
        log.debug("Call audio open on {}", audio.description());
    }

    private void onAudioLost(AudioLink audio, SerialCallSession lost, String reason) {
        synchronized (this) {
            if (link != audio) {
                return;
            }
            link = null;
            if (session == lost) {
                session = null;
            }
        }
        status = VoiceStatus.ERROR;
        log.warn("Audio port lost during a call ({}); the call goes on without audio", reason);
        lost.end();
        submit(() -> teardown(audio));
    }

    /** Control thread: PCM off while the modem is there, then the port closes. */
    private void teardown(AudioLink audio) {
        switchOffIfLeftOn();
        audio.close();
    }

    private void switchOffIfLeftOn() {
        String off;
        synchronized (this) {
            if (!pcmMaybeOn || (callActive && link != null)) {
                return;
            }
            off = pcmOffPending;
        }
        if (off == null || off.isEmpty()) {
            synchronized (this) {
                pcmMaybeOn = false;
            }
            return;
        }
        if (!ready.getAsBoolean()) {
            return; // Sent after the next connect.
        }
        if (send(off)) {
            synchronized (this) {
                pcmMaybeOn = false;
            }
        }
    }

    /** Control thread: one command, waited for. */
    private boolean send(String command) {
        try {
            at.execute(AtCommand.simple(command)).get(AT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Audio routing command failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private void submit(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }

    /** Ends any session, closes the port and stops the control thread (after its queued teardown). */
    @Override
    public void close() {
        onCallEnded();
        AudioLink left;
        synchronized (this) {
            left = link;
            link = null;
        }
        control.shutdown();
        try {
            if (!control.awaitTermination(2, TimeUnit.SECONDS)) {
                control.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (left != null) {
            left.close();
        }
    }
}
