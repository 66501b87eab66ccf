package dev.callstack.bench.voice;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;

/**
 * A clip whose every 40 ms frame carries its own number, so the far end can tell lost, repeated and reordered frames
 * apart: samples 0 and 1 are a marker, samples 2 and 3 the frame number (low and high 15 bits), the rest a quiet
 * 400 Hz tone. Stateless.
 */
final class NumberedClip {
    private static final short MARK_0 = 0x5A5A;
    private static final short MARK_1 = -0x2A2B;
    private static final int SAMPLES_PER_FRAME = AudioFormat8k.FRAME_BYTES / AudioFormat8k.BYTES_PER_SAMPLE;

    private NumberedClip() {
    }

    /** {@code frames} whole frames, numbered from 0. */
    static AudioClip of(int frames) {
        short[] samples = new short[frames * SAMPLES_PER_FRAME];
        for (int k = 0; k < frames; k++) {
            int at = k * SAMPLES_PER_FRAME;
            samples[at] = MARK_0;
            samples[at + 1] = MARK_1;
            samples[at + 2] = (short) (k & 0x7fff);
            samples[at + 3] = (short) (k >>> 15);
            for (int i = 4; i < SAMPLES_PER_FRAME; i++) {
                samples[at + i] = (short) Math.round(2000 * Math.sin(2 * Math.PI * 400 * (at + i) / 8000.0));
            }
        }
        return AudioClip.ofSamples("numbered", samples);
    }

    /** The number a frame of {@link #of} carries, or -1 for any other frame (silence, padding). */
    static int frameNumber(byte[] frame) {
        if (sample(frame, 0) != MARK_0 || sample(frame, 1) != MARK_1) {
            return -1;
        }
        return (sample(frame, 2) & 0x7fff) | (sample(frame, 3) << 15);
    }

    private static short sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }
}
