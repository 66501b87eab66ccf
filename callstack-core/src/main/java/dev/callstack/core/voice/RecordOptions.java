package dev.callstack.core.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link CallSession#record} stops (besides a hang-up, which always stops it).
 *
 * @param maxDuration the longest recording; positive, at most one hour ({@link AudioClip#MAX_SAMPLES})
 * @param silence     stop after this much continuous silence, or null to ignore silence
 * @param stopOnDtmf  whether a digit pressed during the recording stops it (one typed ahead before it started never
 *                    does: see {@link CallSession#record})
 */
public record RecordOptions(Duration maxDuration, Duration silence, boolean stopOnDtmf) {
    /**
     * Validates the fields.
     *
     * @param maxDuration the longest recording
     * @param silence     continuous silence that stops it, or null
     * @param stopOnDtmf  whether a digit pressed during the recording stops it
     */
    public RecordOptions {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxDuration.isNegative() || maxDuration.isZero()
                || AudioFormat8k.samplesIn(maxDuration) > AudioClip.MAX_SAMPLES) {
            throw new IllegalArgumentException("maxDuration must be positive and at most one hour");
        }
        if (silence != null && (silence.isNegative() || silence.isZero())) {
            throw new IllegalArgumentException("silence must be positive");
        }
    }

    /**
     * Records up to {@code maxDuration}, stopping on nothing but the limit and a hang-up.
     *
     * @param maxDuration the longest recording
     * @return the options
     */
    public static RecordOptions upTo(Duration maxDuration) {
        return new RecordOptions(maxDuration, null, false);
    }
}
