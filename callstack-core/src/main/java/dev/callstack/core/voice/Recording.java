package dev.callstack.core.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link CallSession#record} captured and why it stopped.
 *
 * @param audio  the caller's audio; never null (possibly empty)
 * @param ending why recording stopped; never null
 */
public record Recording(AudioClip audio, Ending ending) {
    /** Why a recording stopped. */
    public enum Ending {
        /** The maximum duration was reached. */
        MAX_DURATION,
        /** The caller was silent for the configured time. */
        SILENCE,
        /** The caller pressed a digit and the options said to stop on DTMF. */
        DTMF,
        /** The call ended. */
        HANGUP
    }

    /**
     * Validates the fields.
     *
     * @param audio  the caller's audio
     * @param ending why recording stopped
     */
    public Recording {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(ending, "ending");
    }

    /**
     * How long the recording is.
     *
     * @return the audio's duration
     */
    public Duration duration() {
        return audio.duration();
    }
}
