package dev.callstack.server.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored voicemail's metadata (a row of {@code server_voicemail}).
 *
 * @param seq       the row's position, newest highest: the {@code before} cursor of {@code GET /voicemail}
 * @param id        the random id in URLs and events
 * @param caller    the caller's number, or null when withheld
 * @param startedAt when recording started
 * @param duration  the recording's length
 * @param ending    why recording stopped, as a wire name ({@code hangup}, {@code max_duration}, ...)
 * @param file      the WAV file's name inside the voicemail directory
 */
record VoicemailEntry(long seq, String id, String caller, Instant startedAt, Duration duration, String ending,
                      String file) {
    VoicemailEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(file, "file");
    }

    /** Caller redacted. */
    @Override
    public String toString() {
        return "VoicemailEntry[id=" + id + ", duration=" + duration + ", ending=" + ending + "]";
    }
}
