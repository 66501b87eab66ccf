package dev.callstack.core.voice;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A voicemail box: greeting, beep, record up to a limit, goodbye (if the caller is still there), hang up.
 *
 * <pre>{@code
 * VoicemailBox box = VoicemailBox.builder().greeting(greeting).maxDuration(Duration.ofMinutes(2))
 *         .stopOnDigit(true).goodbye(thanks).build();
 * Voicemail message = box.take(session, caller);
 * }</pre>
 *
 * <p>Immutable and thread-safe: one box serves any number of calls at once. {@link #take} blocks its thread for the
 * whole message.
 */
public final class VoicemailBox {
    /** The default longest message. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(2);
    private static final Duration MIN_DURATION = Duration.ofSeconds(1);
    private static final Duration MAX_DURATION = Duration.ofHours(1);
    private static final AudioClip STANDARD_BEEP = Tones.sine("beep", 1000, Duration.ofMillis(250));

    private final AudioClip greeting;
    private final AudioClip beep;
    private final AudioClip goodbye;
    private final RecordOptions recordOptions;
    private final Clock clock;

    private VoicemailBox(Builder b) {
        this.greeting = b.greeting;
        this.beep = b.beep;
        this.goodbye = b.goodbye;
        this.recordOptions = new RecordOptions(b.maxDuration, b.silence, b.stopOnDigit);
        this.clock = b.clock;
    }

    /**
     * Starts a box description.
     *
     * @return a builder with no greeting, the standard beep, {@link #DEFAULT_MAX_DURATION}, no silence or digit stop,
     *         no goodbye and the UTC system clock
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The standard beep: a 1 kHz sine, 250 ms, at a quarter of full scale.
     *
     * @return the shared clip
     */
    public static AudioClip standardBeep() {
        return STANDARD_BEEP;
    }

    /**
     * Takes a message: plays the greeting (if any) and the beep, records, plays the goodbye (if any) when the caller is
     * still there, then hangs up. Blocks until done.
     *
     * @param session the call; not null
     * @param caller  who called, or null if withheld; only carried into the result
     * @return the message; a caller who hangs up while recording leaves one with {@link Recording.Ending#HANGUP}
     * @throws CallEndedException if the call ends before recording starts (during the greeting or beep)
     */
    public Voicemail take(CallSession session, PhoneNumber caller) {
        Objects.requireNonNull(session, "session");
        if (greeting != null) {
            session.play(greeting);
        }
        session.play(beep);
        Instant start = clock.instant();
        Recording recording = session.record(recordOptions);
        Voicemail message = new Voicemail(caller, start, recording);
        if (goodbye != null && recording.ending() != Recording.Ending.HANGUP && session.isActive()) {
            try {
                session.play(goodbye);
            } catch (CallEndedException e) {
                // The caller hung up during the goodbye: the message is complete all the same.
                return message;
            }
        }
        session.hangUp();
        return message;
    }

    /**
     * The recording limits this box uses.
     *
     * @return the options passed to {@link CallSession#record}
     */
    public RecordOptions recordOptions() {
        return recordOptions;
    }

    /** Limits only; never audio. */
    @Override
    public String toString() {
        return "VoicemailBox[" + recordOptions + "]";
    }

    /** Describes a {@link VoicemailBox}. Not thread-safe; confined to the thread building it. */
    public static final class Builder {
        private AudioClip greeting;
        private AudioClip beep = STANDARD_BEEP;
        private AudioClip goodbye;
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private Duration silence;
        private boolean stopOnDigit;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The greeting played first.
         *
         * @param greeting the clip, or null for none
         * @return this builder
         */
        public Builder greeting(AudioClip greeting) {
            this.greeting = greeting;
            return this;
        }

        /**
         * The tone before recording.
         *
         * @param beep the clip; not null (default {@link #standardBeep()})
         * @return this builder
         */
        public Builder beep(AudioClip beep) {
            this.beep = Objects.requireNonNull(beep, "beep");
            return this;
        }

        /**
         * The clip played after recording if the caller is still there.
         *
         * @param goodbye the clip, or null for none
         * @return this builder
         */
        public Builder goodbye(AudioClip goodbye) {
            this.goodbye = goodbye;
            return this;
        }

        /**
         * The longest message.
         *
         * @param maxDuration 1 second to 1 hour
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxDuration(Duration maxDuration) {
            Objects.requireNonNull(maxDuration, "maxDuration");
            if (maxDuration.compareTo(MIN_DURATION) < 0 || maxDuration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("voicemail maxDuration must be 1 second to 1 hour, was "
                        + maxDuration);
            }
            this.maxDuration = maxDuration;
            return this;
        }

        /**
         * Stop recording after this much continuous silence.
         *
         * @param silence positive, or null to record through silence (the default)
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder stopOnSilence(Duration silence) {
            if (silence != null && (silence.isNegative() || silence.isZero())) {
                throw new IllegalArgumentException("voicemail silence must be positive, was " + silence);
            }
            this.silence = silence;
            return this;
        }

        /**
         * Whether a key press (typically {@code #}; any digit counts) ends the recording. Only a key pressed after
         * the beep counts: one typed ahead (the caller's second press of the digit that chose voicemail, a key during
         * the greeting) is discarded when recording starts, so it cannot end the message before it begins.
         *
         * @param stopOnDigit true to stop on a digit (default false)
         * @return this builder
         */
        public Builder stopOnDigit(boolean stopOnDigit) {
            this.stopOnDigit = stopOnDigit;
            return this;
        }

        /**
         * The clock that stamps {@link Voicemail#start()}.
         *
         * @param clock not null (default UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the box.
         *
         * @return the immutable box
         */
        public VoicemailBox build() {
            return new VoicemailBox(this);
        }
    }
}
