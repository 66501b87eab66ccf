package dev.callstack.core.voice;

import dev.callstack.core.CallEndedException;
import java.time.Duration;
import java.util.List;

/**
 * The audio of one active call: play prompts, record the caller, collect DTMF digits (from the modem's detection URCs
 * and from in-band tones in the received audio, merged and de-duplicated). Obtained from
 * {@link VoiceApi#session()} once the call is {@code ACTIVE}; it is over when the call ends.
 *
 * <p>Methods block the calling thread until their work is done, so an IVR reads as a script; run it on a thread of
 * your own, never on an event-bus callback. Thread-safe, but audio is one conversation: a second {@code play} while
 * one plays waits for it. Once the call ends every method throws {@link CallEndedException} promptly (playback and
 * waits stop within 100 ms of the hang-up). Interrupting a thread that is in a method ends that method promptly and
 * leaves the interrupt flag set: playback and modem commands throw {@link CallEndedException}, a collect returns the
 * digits it has, a recording returns what it has; the call itself goes on.
 *
 * <p><b>Type-ahead.</b> Digits are buffered from the start of the session, so a caller who knows the menu can answer
 * the next prompt before it plays: {@link #collectDtmf} counts them first and {@link #playAndCollect} does not even
 * start its prompt. A recording is different: starting one discards the buffered digits (they answered an earlier
 * prompt and must neither end the message nor be taken as input after it), and only a key pressed while it records
 * can stop it.
 */
public interface CallSession {

    /**
     * Plays a clip to the caller at real time.
     *
     * @param clip what to play; not null
     * @throws CallEndedException if the call ends before or while it plays
     */
    void play(AudioClip clip);

    /**
     * Plays clips one after another without a gap.
     *
     * @param clips what to play, in order; not null, no null elements
     * @throws CallEndedException if the call ends before or while they play
     */
    void playSequence(List<AudioClip> clips);

    /**
     * Records what the caller says. Digits typed ahead before it starts are discarded; with
     * {@link RecordOptions#stopOnDtmf()} the first key pressed during the recording ends it and is consumed (it is not
     * left for a later collect).
     *
     * @param options when to stop; not null
     * @return the recording and why it stopped; a hang-up ends a recording normally ({@link Recording.Ending#HANGUP})
     *         rather than throwing, because a voicemail is usually ended by the caller hanging up
     * @throws CallEndedException if the call had already ended when recording was to start
     */
    Recording record(RecordOptions options);

    /**
     * Waits for DTMF digits. Digits pressed since the last collect (or since the session began) that nobody consumed
     * count first, so a caller who types ahead is not ignored.
     *
     * @param maxDigits  stop after this many digits (1 to 32)
     * @param timeout    stop when no digit came for this long (measured from the start, then from each digit)
     * @param terminator a digit that ends the input and is not part of it (typically {@code '#'}), or {@code 0} for
     *                   none
     * @return the digits, possibly empty on time-out; never null
     * @throws CallEndedException if the call ends while waiting
     */
    String collectDtmf(int maxDigits, Duration timeout, char terminator);

    /**
     * Plays a prompt and collects digits; the first digit stops the prompt (barge-in, within 100 ms) and counts.
     *
     * @param prompt     what to play; not null
     * @param maxDigits  as {@link #collectDtmf}
     * @param timeout    as {@link #collectDtmf}, counted from the end of the prompt
     * @param terminator as {@link #collectDtmf}
     * @return the digits, possibly empty; never null
     * @throws CallEndedException if the call ends
     */
    String playAndCollect(AudioClip prompt, int maxDigits, Duration timeout, char terminator);

    /**
     * Sends DTMF tones to the remote party (through the modem, {@code AT+VTS}).
     *
     * @param digits 1 to 32 of {@code 0-9 * # A-D}
     * @throws CallEndedException if the call is over
     * @throws dev.callstack.core.InvalidRequestException if a digit is invalid
     */
    void sendDtmf(String digits);

    /** Hangs up; returns once the modem accepted it or the call was already over. Never throws on an ended call. */
    void hangUp();

    /**
     * Waits until the call ends.
     *
     * @param timeout the longest wait; not null
     * @return true if the call ended within the timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    /**
     * Whether the call is still going on.
     *
     * @return false once the call ended
     */
    boolean isActive();
}
