package dev.callstack.core.voice;

import java.util.Optional;

/**
 * Call audio on a modem that has an audio port. Get the session of an active call here, typically after a
 * {@code CallStateChanged} to {@code ACTIVE} (or right after {@code calls().answer()} completed), and drive it on a
 * thread of your own. Thread-safe.
 */
public interface VoiceApi {

    /**
     * Whether audio is available.
     *
     * @return the audio port's state; never null
     */
    VoiceStatus status();

    /**
     * The audio session of the active call. The same session is returned until that call ends.
     *
     * @return the session, or empty when no call is active or there is no usable audio port
     */
    Optional<CallSession> session();

    /**
     * The voice API of a modem without an audio port: status {@link VoiceStatus#ABSENT}, never a session.
     *
     * @return a shared stateless instance
     */
    static VoiceApi absent() {
        return NoVoice.INSTANCE;
    }
}
