package dev.callstack.bench.voice;

import dev.callstack.modem.internal.voice.DtmfDetector;
import dev.callstack.modem.internal.voice.DtmfTones;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** CPU cost of in-band DTMF detection per second of 8 kHz audio (digits every 100 ms over noise). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DtmfDetectorBenchmark {
    private final short[] oneSecond = new short[8000];

    @Setup
    public void setUp() {
        Random random = new Random(1);
        for (int i = 0; i < oneSecond.length; i++) {
            oneSecond[i] = (short) (random.nextGaussian() * 300);
        }
        String digits = "1234567890";
        for (int d = 0; d < digits.length(); d++) {
            DtmfTones.add(digits.charAt(d), oneSecond, d * 800, 400, 6000, 6000, 1.0);
        }
    }

    /** One second of audio through a fresh detector, in 40 ms frames as the audio port delivers them. */
    @Benchmark
    public void oneSecondOfAudio(Blackhole bh) {
        DtmfDetector detector = new DtmfDetector((digit, start) -> bh.consume(digit));
        for (int i = 0; i < oneSecond.length; i += 320) {
            detector.accept(oneSecond, i, 320);
        }
    }
}
