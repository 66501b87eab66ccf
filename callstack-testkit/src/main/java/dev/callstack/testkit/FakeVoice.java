package dev.callstack.testkit;

import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.VoiceApi;
import dev.callstack.core.voice.VoiceStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The fake modem's {@link VoiceApi}: the status and the current session are whatever the test sets. Starts
 * {@link VoiceStatus#ABSENT} with no session, like a modem without an audio port, so code that ignores voice sees
 * no change; a voice test sets {@link #status(VoiceStatus) OPEN} and a {@link FakeCallSession}.
 *
 * <p>Thread-safe.
 */
public final class FakeVoice implements VoiceApi {
    private volatile VoiceStatus status = VoiceStatus.ABSENT;
    private volatile CallSession session;

    /** Creates the API: absent, no session. */
    public FakeVoice() {
        // Defaults above.
    }

    @Override
    public VoiceStatus status() {
        return status;
    }

    @Override
    public Optional<CallSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Sets what {@link #status()} reports.
     *
     * @param status not null
     */
    public void status(VoiceStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Sets what {@link #session()} returns (it does not change the status).
     *
     * @param session the session of the "active call", or null for none
     */
    public void session(CallSession session) {
        this.session = session;
    }
}
