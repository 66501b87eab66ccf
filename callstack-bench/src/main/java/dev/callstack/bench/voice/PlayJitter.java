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
 * <p>The session writes its first frames back to back (a prebuffer, so the modem's buffer never runs dry) and paces
 * the rest; the burst depth {@code P} is read off the arrivals (frames within 20 ms of the first), and frame
 * {@code k} is due at {@code first + max(0, k - P) * 40 ms}. Reported: p50/p99/max of |arrival - due|, the drift of
 * the last frame, the largest gap between two frames, how many frames were more than 20 ms off and how many came
 * later than the burst covers (the modem's buffer would have run dry), and frames lost, duplicated or out of order.
 *
 * <p>Arguments: seconds of audio per run (default 25), runs (default 3). Confined to the main thread; a command-line
 * tool.
 */
public final class PlayJitter {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
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
        long first = at[0];
        int burst = 0;
        while (burst < at.length && at[burst] - first < BURST_NANOS) {
            burst++;
        }
        int prebuffer = burst - 1;
        double[] error = new double[at.length];
        long maxGap = 0;
        double drift = 0;
        int underRuns = 0;
        for (int i = 0; i < at.length; i++) {
            int k = seq[i] < 0 ? i : seq[i];
            long due = first + Math.max(0, k - prebuffer) * FRAME_NANOS;
            double e = (at[i] - due) / 1e6;
            error[i] = Math.abs(e);
            drift = e;
            // The burst keeps the modem P frames ahead: only a frame later than that leaves its buffer empty.
            if (at[i] - due > prebuffer * FRAME_NANOS) {
                underRuns++;
            }
            if (i > 0) {
                maxGap = Math.max(maxGap, at[i] - at[i - 1]);
            }
        }
        Arrays.sort(error);
        return String.format(Locale.ROOT, "run %d: %d frames (burst %d) in %.3f s; |arrival - due| p50 %.3f ms, "
                        + "p99 %.3f ms, max %.3f ms; > 20 ms: %d; later than the burst covers (under-run): %d; "
                        + "last-frame drift %+.3f ms; largest gap %.3f ms; lost %d, duplicated %d, out of order %d, "
                        + "unnumbered %d; load %.2f",
                run, at.length, burst, playedNanos / 1e9, error[error.length / 2],
                error[Math.min(error.length - 1, (int) Math.ceil(error.length * 0.99) - 1)], error[error.length - 1],
                over(error, 20), underRuns, drift, maxGap / 1e6, lost, duplicated, outOfOrder, foreign,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
