package dev.callstack.testkit;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted {@link CallSession} for tests of IVR code: script the caller, run the code under test, verify what it
 * played.
 *
 * <pre>{@code
 * FakeCallSession call = new FakeCallSession();
 * call.press("9");                       // a wrong digit first (it barges in on the first prompt)
 * call.press("1");
 * call.callerSays(threeSecondTone);      // what record() captures
 * call.hangUpWhileRecording();
 * IvrOutcome outcome = menu.run(call, IvrListener.NONE);
 * assertThat(call.playedClips()).containsExactly(welcome, sorry, welcome, greeting, beep);
 * }</pre>
 *
 * <p><b>No real time.</b> Clips "play" instantly; nothing ever waits. Scripted digits are queued and consumed in order
 * by {@link #collectDtmf} / {@link #playAndCollect}; a collect with nothing queued returns {@code ""} at once (a
 * simulated time-out), and {@link #staysSilent()} queues such a time-out ahead of later digits. A digit already queued
 * when {@link #playAndCollect} starts counts as pressed during the prompt: the prompt is recorded as interrupted
 * (barge-in). {@link #record} first discards the digits typed ahead (those queued before the first scripted time-out),
 * as the real session does, then returns the clips given to {@link #callerSays} (joined) and ends, checked in this
 * order: at {@code maxDuration} if the speech is that long (truncated); on the first digit scripted with
 * {@link #pressWhileRecording} if {@code stopOnDtmf} (the digit is consumed); with a hang-up if
 * {@link #hangUpWhileRecording()} was scripted; on silence if the options ask for it; otherwise at
 * {@code maxDuration}, padded with silence. Digits pressed while recording that did not end it stay queued, ahead of
 * what was scripted for later. Once the call ended, every method but {@link #hangUp}, {@link #isActive} and {@link #awaitEnd} throws
 * {@link CallEndedException}, like the real session.
 *
 * <p>Thread-safe: script and inspect from any thread. Script before starting the code under test: with no real
 * time, a collect never waits for input that arrives later.
 */
public final class FakeCallSession implements CallSession {
    /**
     * One clip played to the caller.
     *
     * @param clip        the clip
     * @param interrupted whether it was cut short (by a barge-in digit or a hang-up)
     */
    public record Played(AudioClip clip, boolean interrupted) {
        /**
         * Validates the clip.
         *
         * @param clip        the clip
         * @param interrupted whether it was cut short
         */
        public Played {
            Objects.requireNonNull(clip, "clip");
        }
    }

    private final CallerKeypad keypad = new CallerKeypad();
    private final RecordingScript recordingScript = new RecordingScript();
    private final List<Played> played = new ArrayList<>();
    private final List<String> sentDtmf = new ArrayList<>();
    private final List<RecordOptions> recordings = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private AudioClip hangUpOnClip;
    private int hangUpAfterPlays = -1;
    private boolean hungUp;
    private boolean callerHungUp;

    /** Creates an active session with nothing scripted. */
    public FakeCallSession() {
        // Nothing scripted: collects time out at once, recordings are silence up to their limit.
    }

    // ---- scripting -------------------------------------------------------------------------------------------------

    /**
     * Queues digits the caller presses, consumed in order by the next collects.
     *
     * @param digits one or more of {@code 0-9 * # A-D}
     * @return this session
     * @throws IllegalArgumentException if a character is not a DTMF digit
     */
    public synchronized FakeCallSession press(String digits) {
        keypad.press(digits);
        return this;
    }

    /**
     * Digits the caller presses during the next {@link #record}, after what they say: with {@code stopOnDtmf} the first
     * ends the recording and is consumed; the others (all of them without {@code stopOnDtmf}) are queued for the
     * collects that follow. Digits scripted with {@link #press} before a recording are type-ahead, which the
     * recording discards.
     *
     * @param digits one or more of {@code 0-9 * # A-D}
     * @return this session
     * @throws IllegalArgumentException if a character is not a DTMF digit
     */
    public synchronized FakeCallSession pressWhileRecording(String digits) {
        keypad.pressWhileRecording(digits);
        return this;
    }

    /**
     * Queues a time-out: the next collect that reaches it returns what it has so far (a collect that starts with it
     * returns {@code ""}), even if digits are queued after it.
     *
     * @return this session
     */
    public synchronized FakeCallSession staysSilent() {
        keypad.staysSilent();
        return this;
    }

    /**
     * Queues what the caller says for the next {@link #record}.
     *
     * @param clip the caller's audio; not null
     * @return this session
     */
    public synchronized FakeCallSession callerSays(AudioClip clip) {
        recordingScript.callerSays(clip);
        return this;
    }

    /**
     * The caller hangs up as soon as this clip starts playing (it is recorded as played and interrupted; the
     * {@code play} throws {@link CallEndedException}).
     *
     * @param clip the clip; not null
     * @return this session
     */
    public synchronized FakeCallSession hangUpWhenPlaying(AudioClip clip) {
        this.hangUpOnClip = Objects.requireNonNull(clip, "clip");
        return this;
    }

    /**
     * The caller hangs up once this many clips have played to their end (counting from the start of the session);
     * the next operation throws {@link CallEndedException}.
     *
     * @param plays 0 or more
     * @return this session
     */
    public synchronized FakeCallSession hangUpAfterPlays(int plays) {
        if (plays < 0) {
            throw new IllegalArgumentException("plays must not be negative");
        }
        this.hangUpAfterPlays = plays;
        endIfPlayedEnough();
        return this;
    }

    /**
     * The caller hangs up at the end of what they say in the next {@link #record}, which then ends with
     * {@link Recording.Ending#HANGUP}.
     *
     * @return this session
     */
    public synchronized FakeCallSession hangUpWhileRecording() {
        recordingScript.hangUpWhileRecording();
        return this;
    }

    /**
     * The caller hangs up now.
     *
     * @return this session
     */
    public synchronized FakeCallSession callerHangsUp() {
        callerHungUp = true;
        end();
        return this;
    }

    // ---- inspection ------------------------------------------------------------------------------------------------

    /**
     * Every clip played, in order, with whether it was cut short.
     *
     * @return a snapshot
     */
    public synchronized List<Played> played() {
        return List.copyOf(played);
    }

    /**
     * The clips played, in order (interrupted or not).
     *
     * @return a snapshot
     */
    public synchronized List<AudioClip> playedClips() {
        return played.stream().map(Played::clip).toList();
    }

    /**
     * What {@link #sendDtmf} sent, one entry per call.
     *
     * @return a snapshot
     */
    public synchronized List<String> sentDtmf() {
        return List.copyOf(sentDtmf);
    }

    /**
     * The options of every {@link #record} call, in order.
     *
     * @return a snapshot
     */
    public synchronized List<RecordOptions> recordings() {
        return List.copyOf(recordings);
    }

    /**
     * Whether the code under test hung up ({@link #hangUp} while the call was active).
     *
     * @return true if it did
     */
    public synchronized boolean hungUp() {
        return hungUp;
    }

    /**
     * Whether the scripted caller hung up.
     *
     * @return true if the call ended from the caller's side
     */
    public synchronized boolean callerHungUp() {
        return callerHungUp;
    }

    /**
     * Digits pressed but not consumed by any collect.
     *
     * @return the remaining digits, without queued time-outs
     */
    public synchronized String pendingDigits() {
        return keypad.pendingDigits();
    }

    // ---- CallSession -----------------------------------------------------------------------------------------------

    @Override
    public synchronized void play(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        playOne(clip, false);
    }

    @Override
    public synchronized void playSequence(List<AudioClip> clips) {
        List.copyOf(clips).forEach(clip -> playOne(clip, false));
    }

    @Override
    public synchronized Recording record(RecordOptions options) {
        Objects.requireNonNull(options, "options");
        ensureActive("record");
        recordings.add(options);
        Recording recording = recordingScript.record(options, keypad);
        if (recording.ending() == Recording.Ending.HANGUP) {
            callerHungUp = true;
            end();
        }
        return recording;
    }

    @Override
    public synchronized String collectDtmf(int maxDigits, Duration timeout, char terminator) {
        checkCollect(maxDigits, timeout);
        ensureActive("collectDtmf");
        return keypad.collect(maxDigits, terminator);
    }

    @Override
    public synchronized String playAndCollect(AudioClip prompt, int maxDigits, Duration timeout, char terminator) {
        Objects.requireNonNull(prompt, "prompt");
        checkCollect(maxDigits, timeout);
        playOne(prompt, keypad.digitWaiting());
        return collectDtmf(maxDigits, timeout, terminator);
    }

    @Override
    public synchronized void sendDtmf(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || digits.length() > 32 || !digits.chars().allMatch(c -> DtmfReceived.isDtmf((char) c))) {
            throw new InvalidRequestException("DTMF must be 1 to 32 of 0-9 * # A-D");
        }
        ensureActive("sendDtmf");
        sentDtmf.add(digits);
    }

    @Override
    public synchronized void hangUp() {
        if (ended.getCount() > 0) {
            hungUp = true;
            end();
        }
    }

    @Override
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isActive() {
        return ended.getCount() > 0;
    }

    /** Counts only; never digits or audio. */
    @Override
    public synchronized String toString() {
        return "FakeCallSession[active=" + isActive() + ", played=" + played.size() + ", pendingInput="
                + keypad.pendingInputs() + "]";
    }

    // ---- internals (all called with the lock held) --------------------------------------------------------------

    private void playOne(AudioClip clip, boolean bargedIn) {
        Objects.requireNonNull(clip, "clip");
        ensureActive("play");
        if (clip.equals(hangUpOnClip)) {
            played.add(new Played(clip, true));
            callerHungUp = true;
            end();
            throw new CallEndedException("the caller hung up during playback");
        }
        played.add(new Played(clip, bargedIn));
        endIfPlayedEnough();
    }

    private void endIfPlayedEnough() {
        if (hangUpAfterPlays >= 0 && played.size() >= hangUpAfterPlays && isActive()) {
            callerHungUp = true;
            end();
        }
    }

    private void ensureActive(String operation) {
        if (!isActive()) {
            throw new CallEndedException(operation + ": the call has ended");
        }
    }

    private void end() {
        ended.countDown();
    }

    private static void checkCollect(int maxDigits, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (maxDigits < 1 || maxDigits > 32) {
            throw new IllegalArgumentException("maxDigits must be 1 to 32");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
