package dev.callstack.testkit.sim;

import dev.callstack.core.voice.AudioFormat8k;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The simulated caller's two directions of audio: what the caller says (queued PCM, cut into 40 ms frames and padded
 * with silence) and what the caller hears (every byte the host wrote while the stream was on, bounded).
 *
 * <p>Thread-safe; every method holds this object's monitor.
 */
final class CallerAudio {
    private final int heardLimit;
    private final ArrayDeque<byte[]> said = new ArrayDeque<>();
    private int saidOffset;
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();

    CallerAudio(int heardLimit) {
        if (heardLimit < 2) {
            throw new IllegalArgumentException("heardLimit must be >= 2: " + heardLimit);
        }
        this.heardLimit = heardLimit;
    }

    synchronized void say(byte[] pcm) {
        if (pcm.length % AudioFormat8k.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("PCM must be whole 16-bit samples: " + pcm.length + " bytes");
        }
        if (pcm.length > 0) {
            said.addLast(pcm.clone());
        }
    }

    /** Whether queued speech is still to be played. */
    synchronized boolean speaking() {
        return !said.isEmpty();
    }

    /** The next 640-byte frame: queued speech, then silence (zeros) for the rest. */
    synchronized byte[] nextFrame() {
        byte[] frame = new byte[AudioFormat8k.FRAME_BYTES];
        int filled = 0;
        while (filled < frame.length && !said.isEmpty()) {
            byte[] head = said.peekFirst();
            int n = Math.min(frame.length - filled, head.length - saidOffset);
            System.arraycopy(head, saidOffset, frame, filled, n);
            filled += n;
            saidOffset += n;
            if (saidOffset == head.length) {
                said.removeFirst();
                saidOffset = 0;
            }
        }
        return frame;
    }

    synchronized void clearSaid() {
        said.clear();
        saidOffset = 0;
    }

    /** Keeps what the host wrote; past the limit the oldest half goes (amortised, so a long call stays cheap). */
    synchronized void heard(byte[] buffer, int length) {
        heard.write(buffer, 0, length);
        if (heard.size() > heardLimit) {
            byte[] all = heard.toByteArray();
            int drop = (all.length - heardLimit / 2 + 1) & ~1; // an even count keeps sample alignment
            heard.reset();
            heard.write(all, drop, all.length - drop);
        }
    }

    synchronized byte[] heard() {
        return heard.toByteArray();
    }

    synchronized void clearHeard() {
        heard.reset();
    }

    @Override
    public synchronized String toString() {
        // Audio content is private: sizes only.
        return "CallerAudio[said=" + said.stream().mapToInt(b -> b.length).sum() + "B, heard=" + heard.size()
                + "B]";
    }
}
