package dev.callstack.modem.internal.voice;

import java.util.Objects;

/**
 * In-band DTMF detection on 8 kHz 16-bit PCM (ITU-T Q.24 limits), for modems without detection URCs.
 *
 * <p>Goertzel filters on 102-sample windows (12.75 ms) every 51 samples. A window is a hit for a digit when: both
 * strongest bins stand above the minimum level; they dominate their group by {@value #GROUP_DOMINANCE}x; the two
 * tones hold at least {@value #TONE_SHARE} of the window's energy (rejects speech, noise, music — and makes a
 * window only partly covered by a tone fail in proportion to its coverage, which gives crisp timing); the twist is
 * within 8 dB normal / 4 dB reverse; and each tone is nearer its nominal frequency than the bins ±5 % away (accepts
 * ±1.5 %, rejects ±3.5 %). A digit is reported after {@value #HITS_TO_ACCEPT} consecutive hit windows (tones of
 * 40 ms always, 23 ms never) and released after {@value #MISSES_TO_RELEASE} misses, so a break of up to 10 ms does not
 * repeat it while a 40 ms pause does.
 *
 * <p>Pure; no I/O. Not thread-safe: one instance per audio stream, fed from one thread.
 */
public final class DtmfDetector {
    /** Receives each detected digit once. */
    @FunctionalInterface
    public interface Sink {
        /**
         * A digit was detected.
         *
         * @param digit      0-9 * # A-D
         * @param startSample the stream sample index where the tone (approximately) began
         */
        void digit(char digit, long startSample);
    }

    static final int WINDOW = 102;
    static final int HOP = 51;
    static final int HITS_TO_ACCEPT = 4;
    static final int MISSES_TO_RELEASE = 5;
    static final double TONE_SHARE = 0.75;
    static final double GROUP_DOMINANCE = 6.0;
    private static final double NORMAL_TWIST = Math.pow(10, 8 / 10.0);
    private static final double REVERSE_TWIST = Math.pow(10, 4 / 10.0);
    /** Each tone at least -45 dBFS (amplitude ~184): below that it is line noise. */
    private static final double MIN_TONE_POWER = tonePower(184);
    private static final double SIDE_OFFSET = 0.05;

    private final Sink sink;
    private final double[] rowCoef = coefs(DtmfTones.ROWS, 1);
    private final double[] colCoef = coefs(DtmfTones.COLS, 1);
    private final double[] rowLow = coefs(DtmfTones.ROWS, 1 - SIDE_OFFSET);
    private final double[] rowHigh = coefs(DtmfTones.ROWS, 1 + SIDE_OFFSET);
    private final double[] colLow = coefs(DtmfTones.COLS, 1 - SIDE_OFFSET);
    private final double[] colHigh = coefs(DtmfTones.COLS, 1 + SIDE_OFFSET);
    private final double[] ring = new double[WINDOW];
    private final double[] window = new double[WINDOW];
    private long samplesSeen;
    private int sinceHop;
    private char candidate;
    private int hits;
    private int misses;
    private char held;

    /**
     * Creates a detector.
     *
     * @param sink receives the digits, on the calling thread
     */
    public DtmfDetector(Sink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Feeds 16-bit signed little-endian PCM; may call the sink.
     *
     * @param pcm    the bytes
     * @param offset first byte
     * @param length number of bytes; even
     */
    public void accept(byte[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("odd PCM length");
        }
        for (int i = offset; i < offset + length; i += 2) {
            push((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)));
        }
    }

    /**
     * Feeds samples; may call the sink.
     *
     * @param samples 16-bit samples at 8 kHz
     * @param offset  first sample
     * @param length  number of samples
     */
    public void accept(short[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, samples.length);
        for (int i = offset; i < offset + length; i++) {
            push(samples[i]);
        }
    }

    private void push(short sample) {
        ring[(int) (samplesSeen % WINDOW)] = sample;
        samplesSeen++;
        if (samplesSeen >= WINDOW && ++sinceHop >= HOP) {
            sinceHop = 0;
            analyse();
        }
    }

    private void analyse() {
        int start = (int) (samplesSeen % WINDOW);
        double energy = 0;
        for (int i = 0; i < WINDOW; i++) {
            double s = ring[(start + i) % WINDOW];
            window[i] = s;
            energy += s * s;
        }
        char digit = classify(energy);
        if (digit != 0 && digit == candidate) {
            hits++;
        } else {
            candidate = digit;
            hits = digit == 0 ? 0 : 1;
        }
        if (digit == 0) {
            if (++misses >= MISSES_TO_RELEASE) {
                held = 0;
            }
            return;
        }
        misses = 0;
        if (hits >= HITS_TO_ACCEPT && held != digit) {
            held = digit;
            long start0 = samplesSeen - WINDOW - (long) (HITS_TO_ACCEPT - 1) * HOP;
            sink.digit(digit, Math.max(0, start0));
        }
    }

    private char classify(double energy) {
        int r = strongest(rowCoef);
        int c = strongest(colCoef);
        double rp = Goertzel.power(window, rowCoef[r]);
        double cp = Goertzel.power(window, colCoef[c]);
        if (rp < MIN_TONE_POWER || cp < MIN_TONE_POWER) {
            return 0;
        }
        if (!dominates(rowCoef, r, rp) || !dominates(colCoef, c, cp)) {
            return 0;
        }
        if (cp < rp / NORMAL_TWIST || cp > rp * REVERSE_TWIST) {
            return 0;
        }
        // |X|^2 * 2 / N equals a sinusoid's energy over the window when it sits exactly on the bin.
        if ((rp + cp) * 2 / WINDOW < TONE_SHARE * energy) {
            return 0;
        }
        if (Goertzel.power(window, rowLow[r]) > rp || Goertzel.power(window, rowHigh[r]) > rp
                || Goertzel.power(window, colLow[c]) > cp || Goertzel.power(window, colHigh[c]) > cp) {
            return 0;
        }
        return DtmfTones.KEYS[r][c];
    }

    private int strongest(double[] coefs) {
        int best = 0;
        double bestPower = -1;
        for (int i = 0; i < coefs.length; i++) {
            double p = Goertzel.power(window, coefs[i]);
            if (p > bestPower) {
                bestPower = p;
                best = i;
            }
        }
        return best;
    }

    private boolean dominates(double[] coefs, int index, double power) {
        for (int i = 0; i < coefs.length; i++) {
            if (i != index && Goertzel.power(window, coefs[i]) * GROUP_DOMINANCE > power) {
                return false;
            }
        }
        return true;
    }

    private static double[] coefs(double[] freqs, double factor) {
        double[] out = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            out[i] = Goertzel.coefficient(freqs[i] * factor);
        }
        return out;
    }

    /** Goertzel power of a full-window sinusoid of this amplitude: (A N / 2)^2. */
    private static double tonePower(double amplitude) {
        return Math.pow(amplitude * WINDOW / 2, 2);
    }
}
