package dev.callstack.bench.voice;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.modem.internal.voice.PacerClock;
import dev.callstack.modem.internal.voice.PcmPacer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Jitter of {@link PcmPacer} on the real clock: the instant of each frame write against its ideal instant
 * ({@code first paced write + k * 40 ms}), as p50/p99/max of |error| in ms, and the drift at the end. Argument:
 * seconds of audio (default 30). Not thread-safe; a command-line tool.
 */
public final class PacerJitter {
    private PacerJitter() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int frames = seconds * 25;
        long[] at = new long[frames];
        int[] n = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
                at[n[0]++] = System.nanoTime();
            }
        };
        PcmPacer.Result result = new PcmPacer(PacerClock.SYSTEM, 0).play(AudioClip.silence(Duration.ofSeconds(seconds)),
                sink);
        double[] err = new double[frames];
        for (int k = 0; k < frames; k++) {
            err[k] = Math.abs(at[k] - (at[0] + k * 40_000_000L)) / 1e6;
        }
        double drift = (at[frames - 1] - (at[0] + (frames - 1) * 40_000_000L)) / 1e6;
        Arrays.sort(err);
        PrintStream out = System.out;
        out.printf("frames %d, re-anchors %d: |error| p50 %.3f ms, p99 %.3f ms, max %.3f ms; end drift %.3f ms%n",
                result.framesWritten(), result.reanchors(), err[frames / 2], err[(int) (frames * 0.99)],
                err[frames - 1], drift);
    }
}
