package dev.callstack.bench.voice;

import dev.callstack.core.event.CallState;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.modem.ConnectionFactory;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Pacing jitter of {@code CallSession.play} over the real path: a {@link SerialModem} on the {@link AtModemSimulator}
 * (SIM7600, AT over an in-memory pipe), its audio port over real loopback TCP through a {@link FrameStampingProxy}
 * to the simulator's own audio port. For each run an incoming call is answered, a numbered clip is played with
 * {@code session.play}, and the proxy's arrival instant of every 640-byte frame is compared with its ideal instant.
 *
 * <p>The session writes its first {@value #PREBUFFER_FRAMES} + 1 frames back to back (a prebuffer, so the modem's
 * buffer never runs dry) and paces the rest: frame {@code k} is due at {@code offset + max(0, k - P) * 40 ms}, the
 * offset being the median over the run (so one stall at the start does not shift every later figure). Reported:
 * p50/p99/max of |arrival - due|, how many frames were more than 20 ms off, the under-runs (a frame arriving after
 * {@code first arrival + k * 40 ms}, when a modem that started playing at the first frame would have run dry), the
 * drift between the first and the last second, the largest gap between two frames, and frames lost, duplicated or
 * out of order.
 *
 * <p>Arguments: seconds of audio per run (default 25), runs (default 3). Confined to the main thread; a command-line
 * tool.
 */
public final class PlayJitter {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    /** Frames the session writes back to back before pacing ({@code SerialCallSession.PREBUFFER_FRAMES}). */
    private static final int PREBUFFER_FRAMES = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private PlayJitter() {
    }

    /**
     * Runs the measurement and prints one line per run.
     *
     * @param args seconds of audio per run, number of runs
     * @throws Exception if the modem or the simulator fails
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "nproc %d, load average %.2f; %d run(s) of %d s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), runs, seconds);
        AudioClip clip = NumberedClip.of(seconds * 25);
        try (AtModemSimulator sim = new AtModemSimulator(SimProfile.SIM7600);
             FrameStampingProxy proxy = new FrameStampingProxy(sim.audio().listenTcp())) {
            SerialModemConfig config = SerialModemConfig.builder("simulator")
                    .signalPollInterval(Duration.ofHours(1)).audioPort("tcp://127.0.0.1:" + proxy.port()).build();
            ConnectionFactory at = () -> {
                SimulatorPipe pipe = sim.openPipe();
                return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "simulator pipe");
            };
            try (SerialModem modem = SerialModem.builder(config).connections(at).build()) {
                modem.start();
                if (!modem.awaitConnected(WAIT)) {
                    throw new IllegalStateException("the modem did not connect");
                }
                for (int run = 1; run <= runs; run++) {
                    CallSession session = answer(sim, modem, proxy, run);
                    proxy.reset();
                    long started = System.nanoTime();
                    session.play(clip);
                    long played = System.nanoTime() - started;
                    int expected = clip.byteCount() / 640;
                    awaitTrue(() -> proxy.frames() >= expected, Duration.ofSeconds(2));
                    out.println(report(run, proxy.snapshot(), expected, played));
                    session.hangUp();
                    awaitTrue(() -> modem.calls().state() == CallState.IDLE && !sim.audio().streaming(), WAIT);
                }
            }
        }
        out.printf(Locale.ROOT, "load average after: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static CallSession answer(AtModemSimulator sim, SerialModem modem, FrameStampingProxy proxy, int call)
            throws Exception {
        sim.incomingCall("+15551234567");
        awaitTrue(() -> modem.calls().state() == CallState.RINGING, WAIT);
        modem.calls().answer().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitTrue(() -> modem.voice().session().isPresent() && proxy.connections() == call
                && sim.audio().streaming(), WAIT);
        return modem.voice().session().orElseThrow();
    }

    static String report(int run, FrameStampingProxy.Stamps stamps, int expected, long playedNanos) {
        long[] at = stamps.nanos();
        int[] seq = stamps.sequence();
        boolean[] seen = new boolean[expected];
        int duplicated = 0;
        int outOfOrder = 0;
        int foreign = 0;
        int last = -1;
        for (int k : seq) {
            if (k < 0 || k >= expected) {
                foreign++;
                continue;
            }
            if (seen[k]) {
                duplicated++;
            }
            seen[k] = true;
            if (last >= 0 && k != last + 1) {
                outOfOrder++;
            }
            last = k;
        }
        int lost = 0;
        for (boolean s : seen) {
            lost += s ? 0 : 1;
        }
        if (at.length == 0) {
            return "run " + run + ": no frame arrived";
        }
        // Frame k is due at offset + max(0, k - P) * 40 ms. The offset is the median over the paced frames, not the
        // first arrival: one stall at the start would otherwise shift every later "error" by the stall.
        long[] offsets = new long[at.length];
        for (int i = 0; i < at.length; i++) {
            offsets[i] = at[i] - paced(seq, i) * FRAME_NANOS;
        }
        long offset = median(offsets, PREBUFFER_FRAMES, at.length);
        double[] error = new double[at.length];
        long maxGap = 0;
        int underRuns = 0;
        for (int i = 0; i < at.length; i++) {
            error[i] = Math.abs(offsets[i] - offset) / 1e6;
            // The modem plays frame k at first arrival + k * 40 ms at the earliest; later than that it ran dry.
            if (at[i] - at[0] > (long) frameNumber(seq, i) * FRAME_NANOS) {
                underRuns++;
            }
            if (i > 0) {
                maxGap = Math.max(maxGap, at[i] - at[i - 1]);
            }
        }
        int window = Math.min(25, Math.max(1, (at.length - PREBUFFER_FRAMES) / 2));
        double drift = (median(offsets, at.length - window, at.length)
                - median(offsets, PREBUFFER_FRAMES, PREBUFFER_FRAMES + window)) / 1e6;
        Arrays.sort(error);
        return String.format(Locale.ROOT, "run %d: %d frames in %.3f s; |arrival - due| p50 %.3f ms, p99 %.3f ms, "
                        + "max %.3f ms; over 20 ms: %d; under-runs: %d; drift first->last second %+.3f ms; "
                        + "largest gap %.3f ms; lost %d, duplicated %d, out of order %d, unnumbered %d; load %.2f",
                run, at.length, playedNanos / 1e9, error[error.length / 2],
                error[Math.min(error.length - 1, (int) Math.ceil(error.length * 0.99) - 1)], error[error.length - 1],
                over(error, 20), underRuns, drift, maxGap / 1e6, lost, duplicated, outOfOrder, foreign,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static int frameNumber(int[] seq, int i) {
        return seq[i] < 0 ? i : seq[i];
    }

    /** Frame periods after the burst: 0 for the burst, k - P after it. */
    private static long paced(int[] seq, int i) {
        return Math.max(0, frameNumber(seq, i) - PREBUFFER_FRAMES);
    }

    private static long median(long[] values, int from, int to) {
        int a = Math.max(0, Math.min(from, values.length - 1));
        int b = Math.max(a + 1, Math.min(to, values.length));
        long[] part = Arrays.copyOfRange(values, a, b);
        Arrays.sort(part);
        return part[part.length / 2];
    }

    private static int over(double[] sortedMillis, double limit) {
        int n = 0;
        for (double e : sortedMillis) {
            n += e > limit ? 1 : 0;
        }
        return n;
    }

    /** Polls every 10 ms: a load tool waiting for the simulator, not a test. */
    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out waiting for the call");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
