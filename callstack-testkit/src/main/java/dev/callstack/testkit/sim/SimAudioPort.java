package dev.callstack.testkit.sim;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's PCM audio port, as SIM7600's USB audio port ({@code /dev/ttyUSB4}) behaves: 8 kHz, 16-bit signed
 * little-endian mono ({@link AudioFormat8k}), raw bytes with no framing. Reached by {@link AtModemSimulator#audio()}.
 *
 * <p><b>Gating.</b> The port is silent (sends nothing; whatever the host writes is discarded) until the profile's PCM
 * command switches it on during an active call ({@code AT+CPCMREG=1} on SIM7600, {@code AT+QPCMV=1,0} on EC25; an
 * incoming call answered with {@code ATA}, or an outgoing one after {@link AtModemSimulator#remoteAnswers()}). Then
 * PCM flows both ways in real time: every 40 ms the simulator writes one 640-byte frame (the caller's voice: audio
 * queued with {@link #say(AudioClip)}, silence when none is queued), and it keeps every byte the host writes
 * ({@link #heard()}: what the caller hears). {@code AT+CPCMREG=0}, the end of the call (remote hang-up, {@code ATH},
 * a dropped call), a modem restart, {@link AtModemSimulator#unplug()} or closing the link stops the stream. The PCM
 * register survives an unplug, as the modem does not see the host's cable: after {@link AtModemSimulator#replug()}
 * and a new audio link the stream resumes if the call is still active. SIM800 and Huawei profiles have no PCM
 * command (it answers {@code ERROR}), so their port never streams.
 *
 * <p><b>Pacing.</b> One scheduler thread writes the frames against absolute 40 ms deadlines, so the stream does not
 * drift. A pipe whose host does not read drops frames once 4 s are buffered, as a modem overruns its USB buffer.
 *
 * <p><b>Threading.</b> Thread-safe: scripting calls come from any thread. Each host connection has one reader
 * thread; the pacer is started with the first link. All are daemons named {@code callstack-sim-audio-*}, and
 * {@link AtModemSimulator#close()} ends them.
 */
public final class SimAudioPort {
    /** How many bytes {@link #heard()} keeps at most (10 minutes of audio); past it the oldest half is dropped. */
    public static final int HEARD_LIMIT = 600 * AudioFormat8k.BYTES_PER_SECOND;

    private static final Logger log = LoggerFactory.getLogger(SimAudioPort.class);
    private static final String PREFIX = Links.THREAD_PREFIX + "audio-";
    private static final int PIPE_CAPACITY = 4 * AudioFormat8k.BYTES_PER_SECOND;

    private final SimState state;
    private final CallerAudio caller = new CallerAudio(HEARD_LIMIT);
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();
    private final Object lock = new Object();

    // Guarded by lock.
    private AudioLink current;
    private TcpListener tcp;
    private ScheduledExecutorService pacer;
    private ScheduledFuture<?> ticking;
    private boolean plugged = true;
    private boolean closed;

    SimAudioPort(SimState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    // ---- transports -----------------------------------------------------------------------------------------

    /**
     * A new in-memory audio link; replaces (closes) the current one.
     *
     * @return the host end: the modem driver reads the caller's PCM from {@link SimulatorPipe#hostInput()} and
     *         writes its own to {@link SimulatorPipe#hostOutput()}
     * @throws IllegalStateException when the simulator is closed
     */
    public SimulatorPipe openPipe() {
        ChunkQueue toHost = new ChunkQueue(PIPE_CAPACITY);
        ChunkQueue toModem = new ChunkQueue(PIPE_CAPACITY);
        SimulatorPipe pipe = new SimulatorPipe(toHost, toModem);
        attach("pipe", new AudioLink(PREFIX + "pipe-" + ids.incrementAndGet(), toModem.inputStream(),
                toHost::offer, pipe::close, this::hostWrote));
        return pipe;
    }

    /**
     * Listens on 127.0.0.1 (an ephemeral port, kept across unplug and replug); each accepted connection replaces the
     * current audio link, so one host connection is served at a time. Idempotent.
     *
     * @return the loopback address and port to connect to
     * @throws IllegalStateException when the simulator is closed or unplugged
     */
    public InetSocketAddress listenTcp() {
        synchronized (lock) {
            ensureOpen();
            if (!plugged) {
                throw new IllegalStateException("unplugged: replug() first");
            }
            if (tcp == null) {
                tcp = new TcpListener(this::attachSocket);
            }
            return tcp.start();
        }
    }

    // ---- scripting and verification -------------------------------------------------------------------------

    /**
     * Queues what the caller says, played in real time after what is already queued, once the stream is on.
     *
     * @param clip the caller's audio
     */
    public void say(AudioClip clip) {
        caller.say(Objects.requireNonNull(clip, "clip").pcm());
    }

    /**
     * Queues raw PCM the caller says (8 kHz, 16-bit signed little-endian mono), after what is already queued.
     *
     * @param pcm whole samples (an even number of bytes); copied
     * @throws IllegalArgumentException when {@code pcm} has an odd length
     */
    public void say(byte[] pcm) {
        caller.say(Objects.requireNonNull(pcm, "pcm"));
    }

    /**
     * Whether queued caller audio is still waiting to be played (it only plays while {@link #streaming()}).
     *
     * @return true until the last queued frame has been sent
     */
    public boolean speaking() {
        return caller.speaking();
    }

    /** Drops the caller audio not played yet. */
    public void clearSaid() {
        caller.clearSaid();
    }

    /**
     * What the caller heard: every byte the host wrote while the stream was on, in order (the newest
     * {@link #HEARD_LIMIT} bytes at most).
     *
     * @return a copy
     */
    public byte[] heard() {
        return caller.heard();
    }

    /** Forgets what the caller heard so far. */
    public void clearHeard() {
        caller.clearHeard();
    }

    /**
     * Whether PCM is flowing now: the PCM command is on, the call is active and a host is connected to the port.
     *
     * @return true while frames go out every 40 ms
     */
    public boolean streaming() {
        AudioLink link;
        synchronized (lock) {
            link = current;
        }
        return link != null && link.open() && state.pcm();
    }

    /**
     * Frames dropped because the host did not read them fast enough (a pipe with 4 s unread).
     *
     * @return the count since the simulator started
     */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    // ---- lifecycle (from AtModemSimulator) ------------------------------------------------------------------

    void unplug() {
        AudioLink dropped;
        TcpListener listener;
        synchronized (lock) {
            plugged = false;
            dropped = current;
            current = null;
            listener = tcp;
        }
        if (listener != null) {
            listener.stop();
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    void replug() {
        synchronized (lock) {
            ensureOpen();
            plugged = true;
            if (tcp != null) {
                tcp.start();
            }
        }
    }

    void close() {
        AudioLink dropped;
        TcpListener listener;
        ScheduledExecutorService stopping;
        ScheduledFuture<?> ticker;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            dropped = current;
            current = null;
            listener = tcp;
            stopping = pacer;
            ticker = ticking;
        }
        if (listener != null) {
            listener.close();
        }
        if (dropped != null) {
            dropped.close();
        }
        if (stopping != null) {
            ticker.cancel(false);
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private void attachSocket(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            attach("tcp", new AudioLink(PREFIX + "tcp-" + ids.incrementAndGet(), socket.getInputStream(), frame -> {
                out.write(frame);
                return true;
            }, socket, this::hostWrote));
        } catch (IOException | RuntimeException e) {
            log.debug("Simulator audio connection refused: {}", e.getClass().getSimpleName());
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to report to.
            }
        }
    }

    private void attach(String kind, AudioLink link) {
        AudioLink replaced;
        synchronized (lock) {
            if (closed || (!plugged && kind.equals("tcp"))) {
                link.close();
                throw new IllegalStateException(closed ? "simulator closed" : "unplugged");
            }
            replaced = current;
            current = link;
            link.start();
            if (pacer == null) {
                pacer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, PREFIX + "pacer");
                    thread.setDaemon(true);
                    return thread;
                });
                // Fixed rate: each deadline is the previous one plus 40 ms, so late ticks do not accumulate drift.
                ticking = pacer.scheduleAtFixedRate(this::tick, AudioFormat8k.FRAME_MILLIS, AudioFormat8k.FRAME_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    /** One 40 ms deadline: the caller's next frame goes out if the stream is on. */
    private void tick() {
        try {
            AudioLink link;
            synchronized (lock) {
                link = current;
            }
            if (link == null || !link.open() || !state.pcm()) {
                return;
            }
            if (!link.send(caller.nextFrame())) {
                droppedFrames.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // An exception would cancel the fixed-rate task and silence the port for good.
            log.warn("Simulator audio tick failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The reader threads' sink: kept only while the stream is on, discarded like the real port does otherwise. */
    private void hostWrote(byte[] buffer, int length) {
        if (state.pcm()) {
            caller.heard(buffer, length);
        } else {
            discardedBytes.addAndGet(length);
        }
    }

    /** Bytes the host wrote while the stream was off (discarded), so a test can wait for them deterministically. */
    long discardedBytes() {
        return discardedBytes.get();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("simulator closed");
        }
    }
}
