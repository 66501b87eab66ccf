package dev.callstack.core.voice;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message left in a {@link VoicemailBox}. Storage is the embedder's job (the server writes a WAV and a metadata
 * row).
 *
 * @param caller    who called, or null if the number was withheld or unknown
 * @param start     when the recording started; never null
 * @param recording the caller's audio and why it stopped; never null
 */
public record Voicemail(PhoneNumber caller, Instant start, Recording recording) {
    /**
     * Validates the fields.
     *
     * @param caller    the caller or null
     * @param start     when recording started
     * @param recording the audio
     */
    public Voicemail {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(recording, "recording");
    }

    /**
     * How long the message is.
     *
     * @return the recording's duration
     */
    public Duration duration() {
        return recording.duration();
    }

    /**
     * Why the recording stopped ({@link Recording.Ending#HANGUP} when the caller simply hung up).
     *
     * @return the ending
     */
    public Recording.Ending ending() {
        return recording.ending();
    }

    /** Start, duration and ending; the caller only as redacted or withheld, never the audio. */
    @Override
    public String toString() {
        return "Voicemail[caller=" + (caller == null ? "withheld" : Redaction.REDACTED) + ", start=" + start
                + ", duration=" + duration() + ", ending=" + ending() + "]";
    }
}
