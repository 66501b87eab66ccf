package dev.callstack.server;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.VoiceApi;
import dev.callstack.core.voice.VoiceStatus;
import dev.callstack.testkit.FakeModem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A voice API for server tests until the testkit's fake lands: an open audio port whose session (while the fake
 * modem's call is active) answers digit collection from a script, records a given clip and remembers what it
 * played. Thread-safe (monitor).
 */
final class ScriptedVoice implements VoiceApi {
    private final FakeModem fake;
    private final List<String> digits = new ArrayList<>();
    private final List<String> played = new ArrayList<>();
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private AudioClip recording;
    private Session session;

    ScriptedVoice(FakeModem fake) {
        this.fake = fake;
    }

    /** The caller will press these, one per collect; an empty string is a time-out. */
    synchronized ScriptedVoice presses(String... script) {
        digits.addAll(List.of(script));
        return this;
    }

    /** What the caller says when recorded. */
    synchronized ScriptedVoice says(AudioClip clip) {
        recording = clip;
        return this;
    }

    synchronized List<String> played() {
        return List.copyOf(played);
    }

    boolean awaitHangUp() throws InterruptedException {
        return hungUp.await(30, TimeUnit.SECONDS);
    }

    @Override
    public VoiceStatus status() {
        return VoiceStatus.OPEN;
    }

    @Override
    public synchronized Optional<CallSession> session() {
        if (fake.calls().state() != dev.callstack.core.event.CallState.ACTIVE) {
            return Optional.empty();
        }
        if (session == null || !session.active) {
            session = new Session();
        }
        return Optional.of(session);
    }

    private final class Session implements CallSession {
        private volatile boolean active = true;

        private void check() {
            if (!active) {
                throw new CallEndedException("the call has ended");
            }
        }

        @Override
        public void play(AudioClip clip) {
            check();
            synchronized (ScriptedVoice.this) {
                played.add(clip.name());
            }
        }

        @Override
        public void playSequence(List<AudioClip> clips) {
            clips.forEach(this::play);
        }

        @Override
        public Recording record(RecordOptions options) {
            check();
            synchronized (ScriptedVoice.this) {
                active = false; // the caller speaks, then hangs up
                return new Recording(recording, Recording.Ending.HANGUP);
            }
        }

        @Override
        public String collectDtmf(int maxDigits, Duration timeout, char terminator) {
            check();
            synchronized (ScriptedVoice.this) {
                return digits.isEmpty() ? "" : digits.remove(0);
            }
        }

        @Override
        public String playAndCollect(AudioClip prompt, int maxDigits, Duration timeout, char terminator) {
            play(prompt);
            return collectDtmf(maxDigits, timeout, terminator);
        }

        @Override
        public void sendDtmf(String digits) {
            check();
        }

        @Override
        public void hangUp() {
            active = false;
            hungUp.countDown();
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws InterruptedException {
            return hungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }
}
