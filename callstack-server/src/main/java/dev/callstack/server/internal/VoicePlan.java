package dev.callstack.server.internal;

import dev.callstack.core.voice.AudioClip;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated voice plan ({@code --voice}): which calls to answer, the menu prompt, the options and their actions.
 * Every clip is loaded already, so nothing about the plan can fail in the middle of a call.
 *
 * @param source   the plan file, for messages
 * @param answer   which calls are answered, and when
 * @param greeting the menu prompt, played (again) for each attempt
 * @param options  DTMF digit → action
 * @param timeout  how long to wait for a digit after the prompt
 * @param retries  how many times in a row the menu is repeated after a time-out or an unknown digit
 * @param invalid  played after an unknown digit, or null
 * @param goodbye  played when the retries run out and after a voicemail (unless the caller hung up), or null
 */
record VoicePlan(String source, Answer answer, AudioClip greeting, Map<Character, Action> options, Duration timeout,
                 int retries, AudioClip invalid, AudioClip goodbye) {
    VoicePlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(greeting, "greeting");
        options = Map.copyOf(options);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Which incoming calls are answered.
     *
     * @param from       caller patterns ({@link CallerPattern}); empty for every caller, withheld ones included
     * @param afterRings rings to let pass before answering, at least 1
     */
    record Answer(List<CallerPattern> from, int afterRings) {
        Answer {
            from = List.copyOf(from);
        }

        /** Whether a caller ({@code null} when withheld) is answered. */
        boolean accepts(String caller) {
            return from.isEmpty() || from.stream().anyMatch(pattern -> pattern.matches(caller));
        }
    }

    /** What an option does. */
    sealed interface Action permits Voicemail, Play, Notify {
    }

    /**
     * Beep, record the caller up to {@code maxDuration}, store the voicemail, hang up.
     *
     * @param maxDuration the longest recording
     */
    record Voicemail(Duration maxDuration) implements Action {
    }

    /**
     * Play a clip, then offer the menu again.
     *
     * @param clip what to play
     */
    record Play(AudioClip clip) implements Action {
    }

    /**
     * Publish {@code call.ivr} with this event name (every option publishes {@code call.ivr}; this one names it),
     * then hang up.
     *
     * @param event the name, {@code [a-z0-9_.-]{1,40}}
     */
    record Notify(String event) implements Action {
    }
}
