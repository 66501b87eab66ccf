package dev.callstack.modem.internal.audio;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * One recording in progress: appends received frames up to the maximum duration and watches for continuous silence
 * (a frame whose RMS level is below {@value #SILENCE_RMS}, about -44 dBFS, is silent). The duration counts received
 * audio, not wall time, so the WAV is exactly as long as what the caller said.
 *
 * <p>Not thread-safe; guarded by its session's lock.
 */
final class SessionRecorder {
    /** RMS level below which a frame counts as silence (line noise on a quiet call is well below). */
    static final double SILENCE_RMS = 200;

    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private final int maxBytes;
    private final long silenceBytes;
    private long silentRun;
    private Recording.Ending ending;

    SessionRecorder(RecordOptions options) {
        Objects.requireNonNull(options, "options");
        this.maxBytes = AudioFormat8k.samplesIn(options.maxDuration()) * AudioFormat8k.BYTES_PER_SAMPLE;
        this.silenceBytes = options.silence() == null ? Long.MAX_VALUE
                : (long) AudioFormat8k.samplesIn(options.silence()) * AudioFormat8k.BYTES_PER_SAMPLE;
    }

    /** Adds a received frame; may end the recording (maximum reached, silence). */
    void onFrame(byte[] frame) {
        if (ending != null) {
            return;
        }
        int n = Math.min(frame.length, maxBytes - pcm.size());
        pcm.write(frame, 0, n);
        silentRun = isSilent(frame) ? silentRun + frame.length : 0;
        if (pcm.size() >= maxBytes) {
            ending = Recording.Ending.MAX_DURATION;
        } else if (silentRun >= silenceBytes) {
            ending = Recording.Ending.SILENCE;
        }
    }

    /** Ends the recording for {@code why} unless it already ended. */
    void finish(Recording.Ending why) {
        if (ending == null) {
            ending = why;
        }
    }

    boolean done() {
        return ending != null;
    }

    /** The recording; call once it is done. */
    Recording result() {
        return new Recording(AudioClip.ofPcm("recording", pcm.toByteArray()), Objects.requireNonNull(ending));
    }

    static boolean isSilent(byte[] frame) {
        double sum = 0;
        int samples = frame.length / 2;
        for (int i = 0; i + 1 < frame.length; i += 2) {
            int s = (short) ((frame[i] & 0xff) | (frame[i + 1] << 8));
            sum += (double) s * s;
        }
        return samples == 0 || Math.sqrt(sum / samples) < SILENCE_RMS;
    }
}
