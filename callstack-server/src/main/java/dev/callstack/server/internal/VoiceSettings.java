package dev.callstack.server.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's voice options.
 *
 * @param plan         the voice plan file ({@code --voice}), or null for none: no call is answered automatically
 * @param voicemailDir where voicemail WAV files go ({@code --voicemail-dir}), or null for {@code voicemail} next to
 *                     the database (a fresh temporary directory without one)
 * @param retention    voicemail older than this is deleted, file and row ({@code --retention});
 *                     {@link Duration#ZERO} keeps it
 */
public record VoiceSettings(Path plan, Path voicemailDir, Duration retention) {
    /** No plan, the default directory, kept forever. */
    public static final VoiceSettings NONE = new VoiceSettings(null, null, Duration.ZERO);

    /**
     * Validates the retention.
     *
     * @param plan         the plan file or null
     * @param voicemailDir the directory or null
     * @param retention    not negative
     */
    public VoiceSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("voicemail retention must not be negative");
        }
    }

    /**
     * The directory {@code voicemailDir} names, or its default for {@code database}; null when there is neither (the
     * caller then uses a temporary directory, as temporary as the in-memory database).
     */
    Path directory(Path database) {
        if (voicemailDir != null) {
            return voicemailDir;
        }
        return database == null ? null : database.toAbsolutePath().resolveSibling("voicemail");
    }
}
