package dev.callstack.testkit;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the scripted caller says into the next {@link FakeCallSession#record} and how that recording ends: at the
 * limit, on a key, with a hang-up, on silence, or padded to the limit (the order is the session's documented one).
 *
 * <p>Not thread-safe; guarded by the owning session's lock.
 */
final class RecordingScript {
    private final ArrayDeque<AudioClip> speech = new ArrayDeque<>();
    private boolean hangUpWhileRecording;

    void callerSays(AudioClip clip) {
        speech.addLast(Objects.requireNonNull(clip, "clip"));
    }

    void hangUpWhileRecording() {
        hangUpWhileRecording = true;
    }

    /**
     * The next recording; consumes the speech and the digits scripted for it. An ending of
     * {@link Recording.Ending#HANGUP} means the caller hung up: the session ends the call.
     */
    Recording record(RecordOptions options, CallerKeypad keypad) {
        String during = keypad.startRecording();
        int max = AudioFormat8k.samplesIn(options.maxDuration());
        AudioClip said = AudioClip.silence(Duration.ZERO);
        while (!speech.isEmpty()) {
            said = said.append(speech.pollFirst());
        }
        // The order of the checks is the order of events in the scripted call: speech, then a key, then a hang-up,
        // then silence; with none of these the caller talks (silently) until the limit.
        if (said.sampleCount() >= max) {
            keypad.queueFirst(during);
            return new Recording(truncate(said, max), Recording.Ending.MAX_DURATION);
        }
        if (options.stopOnDtmf() && !during.isEmpty()) {
            keypad.queueFirst(during.substring(1));
            return new Recording(said, Recording.Ending.DTMF);
        }
        keypad.queueFirst(during);
        if (hangUpWhileRecording) {
            hangUpWhileRecording = false;
            return new Recording(said, Recording.Ending.HANGUP);
        }
        if (options.silence() != null) {
            return new Recording(said, Recording.Ending.SILENCE);
        }
        AudioClip padded = said.append(AudioClip.silence(AudioFormat8k.durationOf(max - said.sampleCount())));
        return new Recording(padded, Recording.Ending.MAX_DURATION);
    }

    private static AudioClip truncate(AudioClip clip, int samples) {
        byte[] pcm = clip.pcm();
        return AudioClip.ofPcm(clip.name(), Arrays.copyOf(pcm, samples * AudioFormat8k.BYTES_PER_SAMPLE));
    }
}
