package dev.callstack.modem.internal.voice;

import dev.callstack.core.voice.AudioFormat8k;

/** The Goertzel algorithm: the DFT power of one frequency over a block of 8 kHz samples. Pure; stateless. */
final class Goertzel {
    private Goertzel() {
    }

    /** {@code 2 cos(2 pi f / fs)}, computed once per frequency. */
    static double coefficient(double frequency) {
        return 2 * Math.cos(2 * Math.PI * frequency / AudioFormat8k.SAMPLE_RATE);
    }

    /** |X(f)|^2 over all of {@code samples}. */
    static double power(double[] samples, double coefficient) {
        double s1 = 0;
        double s2 = 0;
        for (double x : samples) {
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
