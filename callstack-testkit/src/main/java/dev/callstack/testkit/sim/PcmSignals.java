package dev.callstack.testkit.sim;

import dev.callstack.core.voice.AudioFormat8k;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Test signals in the simulator's audio format (8 kHz, 16-bit signed little-endian mono, see {@link AudioFormat8k}):
 * DTMF digits, sine tones and silence to {@link SimAudioPort#say(byte[]) say}, and a normalized cross-correlation
 * to assert that the caller heard a prompt. Pure functions: no I/O, no state.
 *
 * <p>DTMF uses the ITU-T Q.23 frequency pairs (rows 697, 770, 852, 941 Hz; columns 1209, 1336, 1477, 1633 Hz) and,
 * by default, a 70 ms tone and a 70 ms gap, above the Q.24 minimum of 40 ms so any compliant detector accepts it.
 *
 * <p>Thread-safe (stateless).
 */
public final class PcmSignals {
    /** The default length of one DTMF tone. */
    public static final Duration DTMF_TONE = Duration.ofMillis(70);
    /** The default pause after one DTMF tone. */
    public static final Duration DTMF_GAP = Duration.ofMillis(70);

    private static final String KEYS = "123A456B789C*0#D";
    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final double FULL_SCALE = Short.MAX_VALUE;

    private PcmSignals() {
    }

    /**
     * The Q.23 frequency pair of a key.
     *
     * @param digit one of {@code 0-9 * # A-D} (letters in either case)
     * @return {@code {row Hz, column Hz}}
     * @throws IllegalArgumentException for any other character
     */
    public static double[] dtmfFrequencies(char digit) {
        int key = KEYS.indexOf(Character.toUpperCase(digit));
        if (key < 0) {
            throw new IllegalArgumentException("not a DTMF key");
        }
        return new double[] {ROWS[key / 4], COLUMNS[key % 4]};
    }

    /**
     * One DTMF key: a {@link #DTMF_TONE} tone, then a {@link #DTMF_GAP} of silence.
     *
     * @param digit     one of {@code 0-9 * # A-D}
     * @param amplitude the peak of the two tones together, as a fraction of full scale, in (0, 1]
     * @return the PCM
     * @throws IllegalArgumentException for another character or an amplitude out of range
     */
    public static byte[] dtmf(char digit, double amplitude) {
        return dtmf(digit, DTMF_TONE, DTMF_GAP, amplitude);
    }

    /**
     * One DTMF key with the given timing.
     *
     * @param digit     one of {@code 0-9 * # A-D}
     * @param tone      how long the tone sounds
     * @param gap       the silence after it
     * @param amplitude the peak of the two tones together, as a fraction of full scale, in (0, 1]
     * @return the PCM: the tone then the gap
     * @throws IllegalArgumentException for another character, a negative duration or an amplitude out of range
     */
    public static byte[] dtmf(char digit, Duration tone, Duration gap, double amplitude) {
        double[] pair = dtmfFrequencies(digit);
        checkAmplitude(amplitude);
        int toneSamples = AudioFormat8k.samplesIn(tone);
        int total = Math.addExact(toneSamples, AudioFormat8k.samplesIn(gap));
        byte[] pcm = new byte[total * AudioFormat8k.BYTES_PER_SAMPLE];
        for (int i = 0; i < toneSamples; i++) {
            double t = (double) i / AudioFormat8k.SAMPLE_RATE;
            double v = Math.sin(2 * Math.PI * pair[0] * t) + Math.sin(2 * Math.PI * pair[1] * t);
            put(pcm, i, v * amplitude / 2);
        }
        return pcm;
    }

    /**
     * Several DTMF keys, each a {@link #DTMF_TONE} tone and a {@link #DTMF_GAP} gap.
     *
     * @param digits    keys from {@code 0-9 * # A-D}
     * @param amplitude the peak of each key's two tones together, as a fraction of full scale, in (0, 1]
     * @return the PCM of all keys in order
     * @throws IllegalArgumentException for another character or an amplitude out of range
     */
    public static byte[] dtmfSequence(String digits, double amplitude) {
        Objects.requireNonNull(digits, "digits");
        byte[][] keys = new byte[digits.length()][];
        int length = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = dtmf(digits.charAt(i), amplitude);
            length += keys[i].length;
        }
        byte[] pcm = new byte[length];
        int at = 0;
        for (byte[] key : keys) {
            System.arraycopy(key, 0, pcm, at, key.length);
            at += key.length;
        }
        return pcm;
    }

    /**
     * A sine tone.
     *
     * @param hertz     the frequency, above 0 and below 4000 (the Nyquist limit at 8 kHz)
     * @param duration  how long it sounds
     * @param amplitude the peak as a fraction of full scale, in (0, 1]
     * @return the PCM
     * @throws IllegalArgumentException for a frequency, duration or amplitude out of range
     */
    public static byte[] tone(double hertz, Duration duration, double amplitude) {
        if (!(hertz > 0 && hertz < AudioFormat8k.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("frequency must be in (0, 4000) Hz: " + hertz);
        }
        checkAmplitude(amplitude);
        int samples = AudioFormat8k.samplesIn(duration);
        byte[] pcm = new byte[samples * AudioFormat8k.BYTES_PER_SAMPLE];
        for (int i = 0; i < samples; i++) {
            put(pcm, i, amplitude * Math.sin(2 * Math.PI * hertz * i / AudioFormat8k.SAMPLE_RATE));
        }
        return pcm;
    }

    /**
     * Silence (all-zero samples).
     *
     * @param duration how long
     * @return the PCM
     * @throws IllegalArgumentException for a negative duration
     */
    public static byte[] silence(Duration duration) {
        return new byte[AudioFormat8k.samplesIn(duration) * AudioFormat8k.BYTES_PER_SAMPLE];
    }

    /**
     * The largest normalized cross-correlation of the shorter signal slid along the longer one (full overlap only):
     * for each offset, the dot product over the product of both windows' norms. 1 means the shorter signal occurs
     * in the longer one (at any gain), around 0 that it does not; silence correlates with nothing (0). Computed
     * with an FFT, so minutes of audio take milliseconds.
     *
     * @param a PCM, whole samples
     * @param b PCM, whole samples
     * @return the maximum over all offsets, in [-1, 1]; 0 when either is empty or silent
     * @throws IllegalArgumentException when either has an odd length
     */
    public static double normalizedCorrelation(byte[] a, byte[] b) {
        double[] x = samples(a);
        double[] y = samples(b);
        if (x.length < y.length) {
            double[] swap = x;
            x = y;
            y = swap;
        }
        int n = x.length;
        int m = y.length;
        double energyY = 0;
        for (double v : y) {
            energyY += v * v;
        }
        if (m == 0 || energyY == 0) {
            return 0;
        }
        double[] sliding = Fft.crossCorrelation(x, y);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i] * x[i];
        }
        double best = 0;
        boolean any = false;
        for (int lag = 0; lag <= n - m; lag++) {
            double energyX = prefix[lag + m] - prefix[lag];
            if (energyX <= 0) {
                continue;
            }
            double r = Math.max(-1, Math.min(1, sliding[lag] / Math.sqrt(energyX * energyY)));
            if (!any || r > best) {
                best = r;
                any = true;
            }
        }
        return any ? best : 0;
    }

    private static double[] samples(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        if (pcm.length % AudioFormat8k.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("PCM must be whole 16-bit samples: " + pcm.length + " bytes");
        }
        double[] out = new double[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
        }
        return out;
    }

    /** Writes {@code value} (in [-1, 1]) as the little-endian sample {@code index}. */
    private static void put(byte[] pcm, int index, double value) {
        long sample = Math.round(value * FULL_SCALE);
        short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
        pcm[2 * index] = (byte) s;
        pcm[2 * index + 1] = (byte) (s >> 8);
    }

    private static void checkAmplitude(double amplitude) {
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be in (0, 1]: " + amplitude);
        }
    }

    /** A radix-2 FFT, just enough for a sliding dot product. Stateless. */
    static final class Fft {
        private Fft() {
        }

        /** {@code out[lag] = sum_i x[lag + i] * y[i]} for {@code lag} in {@code 0..x.length - y.length}. */
        static double[] crossCorrelation(double[] x, double[] y) {
            int size = Integer.highestOneBit(Math.max(1, x.length - 1)) << 1;
            double[] xr = Arrays.copyOf(x, size);
            double[] xi = new double[size];
            double[] yr = Arrays.copyOf(y, size);
            double[] yi = new double[size];
            transform(xr, xi, false);
            transform(yr, yi, false);
            for (int k = 0; k < size; k++) {
                // X * conj(Y)
                double re = xr[k] * yr[k] + xi[k] * yi[k];
                double im = xi[k] * yr[k] - xr[k] * yi[k];
                xr[k] = re;
                xi[k] = im;
            }
            transform(xr, xi, true);
            double[] out = new double[x.length - y.length + 1];
            for (int lag = 0; lag < out.length; lag++) {
                out[lag] = xr[lag] / size;
            }
            return out;
        }

        /** In-place iterative Cooley-Tukey; {@code inverse} flips the twiddle sign (scaling is the caller's). */
        static void transform(double[] re, double[] im, boolean inverse) {
            int n = re.length;
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i];
                    re[i] = re[j];
                    re[j] = t;
                    t = im[i];
                    im[i] = im[j];
                    im[j] = t;
                }
            }
            for (int len = 2; len <= n; len <<= 1) {
                double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
                double wr = Math.cos(angle);
                double wi = Math.sin(angle);
                for (int start = 0; start < n; start += len) {
                    double cr = 1;
                    double ci = 0;
                    for (int k = 0; k < len / 2; k++) {
                        int p = start + k;
                        int q = p + len / 2;
                        double tr = re[q] * cr - im[q] * ci;
                        double ti = re[q] * ci + im[q] * cr;
                        re[q] = re[p] - tr;
                        im[q] = im[p] - ti;
                        re[p] += tr;
                        im[p] += ti;
                        double next = cr * wr - ci * wi;
                        ci = cr * wi + ci * wr;
                        cr = next;
                    }
                }
            }
        }
    }
}
