package dev.callstack.modem.voice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** An audio file that cannot become a call clip; the message names the file and the reason. Immutable. */
public final class AudioFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file; transient because {@link Path} is not serializable. */
    private final transient Path file;
    /** Why the file failed, without audio content. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file   the file that failed
     * @param reason why, free of the audio content
     * @param cause  the decoder's error, or null
     */
    public AudioFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The file that failed.
     *
     * @return the path as given to the loader
     */
    public Path file() {
        return file;
    }

    /**
     * Why it failed.
     *
     * @return e.g. "not a supported audio file" or "compressed encoding GSM 6.10 is not supported"
     */
    public String reason() {
        return reason;
    }
}
