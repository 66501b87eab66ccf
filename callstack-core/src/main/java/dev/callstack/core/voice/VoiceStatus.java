package dev.callstack.core.voice;

/** Whether a modem can carry call audio; shown in the server's {@code /status} as {@code voice.audio_port}. */
public enum VoiceStatus {
    /** The audio port is configured and usable. */
    OPEN,
    /** No audio port is configured: calls work, audio does not. */
    ABSENT,
    /** An audio port is configured but could not be opened or failed. */
    ERROR
}
