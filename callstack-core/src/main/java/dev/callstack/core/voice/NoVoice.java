package dev.callstack.core.voice;

import java.util.Optional;

/** {@link VoiceApi#absent()}: no audio port. Stateless. */
enum NoVoice implements VoiceApi {
    INSTANCE;

    @Override
    public VoiceStatus status() {
        return VoiceStatus.ABSENT;
    }

    @Override
    public Optional<CallSession> session() {
        return Optional.empty();
    }
}
