package dev.callstack.core.voice;

import java.time.Duration;

/**
 * The audio format of every call: 8 kHz, 16-bit signed little-endian, mono — what SIMCom ({@code AT+CPCMREG}) and
 * Quectel ({@code AT+QPCMV}) modems exchange on their PCM port, in frames of 40 ms (640 bytes).
 *
 * <p>Constants and pure conversions only.
 */
public final class AudioFormat8k {
    /** Samples per second. */
    public static final int SAMPLE_RATE = 8000;
    /** Bytes per sample (16-bit signed, little-endian). */
    public static final int BYTES_PER_SAMPLE = 2;
    /** Bytes per second of audio. */
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * BYTES_PER_SAMPLE;
    /** Milliseconds per frame written to or read from the modem's audio port. */
    public static final int FRAME_MILLIS = 40;
    /** Samples per frame ({@value}). */
    public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MILLIS / 1000;
    /** Bytes per frame ({@value}). */
    public static final int FRAME_BYTES = FRAME_SAMPLES * BYTES_PER_SAMPLE;
    /** The duration of one frame. */
    public static final Duration FRAME_DURATION = Duration.ofMillis(FRAME_MILLIS);

    private AudioFormat8k() {
    }

    /**
     * The number of whole samples in a duration, rounded down.
     *
     * @param duration not null, not negative
     * @return the sample count
     * @throws IllegalArgumentException if {@code duration} is negative or longer than {@link Integer#MAX_VALUE}
     *                                  samples
     */
    public static int samplesIn(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        // Nanosecond precision without overflow for any duration the int result can hold.
        long samples = duration.getSeconds() * SAMPLE_RATE + (long) duration.getNano() * SAMPLE_RATE / 1_000_000_000L;
        if (duration.getSeconds() > Integer.MAX_VALUE / SAMPLE_RATE || samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration too long for 8 kHz samples");
        }
        return (int) samples;
    }

    /**
     * The duration of a number of samples.
     *
     * @param samples not negative
     * @return their duration at {@value #SAMPLE_RATE} Hz, exact to the nanosecond (8 kHz divides one second)
     */
    public static Duration durationOf(long samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative");
        }
        return Duration.ofSeconds(samples / SAMPLE_RATE, (samples % SAMPLE_RATE) * (1_000_000_000L / SAMPLE_RATE));
    }
}
