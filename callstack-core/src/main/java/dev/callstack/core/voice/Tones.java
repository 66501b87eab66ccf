package dev.callstack.core.voice;

import java.time.Duration;

/** Generated tones in {@link AudioFormat8k}. Pure functions. */
final class Tones {
    /** A quarter of full scale: clearly audible without clipping the modem's codec. */
    private static final double AMPLITUDE = Short.MAX_VALUE / 4.0;

    private Tones() {
    }

    /**
     * A sine tone.
     *
     * @param name      the clip's name
     * @param frequency in Hz, below 4000 (Nyquist at 8 kHz)
     * @param duration  its length
     * @return the clip
     */
    static AudioClip sine(String name, double frequency, Duration duration) {
        if (frequency <= 0 || frequency >= AudioFormat8k.SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("frequency must be between 0 and 4000 Hz");
        }
        short[] samples = new short[AudioFormat8k.samplesIn(duration)];
        double step = 2 * Math.PI * frequency / AudioFormat8k.SAMPLE_RATE;
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(AMPLITUDE * Math.sin(step * i));
        }
        return AudioClip.ofSamples(name, samples);
    }
}
