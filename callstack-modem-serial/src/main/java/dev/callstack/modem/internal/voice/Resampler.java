package dev.callstack.modem.internal.voice;

/**
 * Band-limited sample-rate conversion: a Blackman-windowed sinc whose cutoff is 95 % of the lower Nyquist
 * frequency, so 44.1/48 kHz music does not alias into the telephone band. Pure; stateless.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 12;

    private Resampler() {
    }

    /**
     * Converts mono samples between rates.
     *
     * @param in       the samples
     * @param fromRate their rate in Hz
     * @param toRate   the wanted rate in Hz
     * @return the resampled, clipped samples
     */
    public static short[] resample(short[] in, double fromRate, double toRate) {
        if (fromRate == toRate) {
            return in.clone();
        }
        double step = fromRate / toRate;
        double cutoff = 0.95 * Math.min(1.0, toRate / fromRate); // in cycles per input sample, times 2
        int half = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        int n = (int) Math.floor(in.length / step);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i * step;
            int centre = (int) Math.floor(t);
            double acc = 0;
            for (int k = centre - half + 1; k <= centre + half; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double x = t - k;
                acc += in[k] * kernel(x, cutoff, half);
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        return out;
    }

    private static double kernel(double x, double cutoff, int half) {
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
        double w = (x + half) / (2.0 * half);
        double blackman = 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
        return cutoff * sinc * blackman;
    }
}
