package dev.callstack.core.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable piece of call audio in {@link AudioFormat8k} (8 kHz, 16-bit signed little-endian, mono): a prompt to
 * play or a recording. Conversion from other formats happens once, when the clip is made
 * ({@code dev.callstack.modem.voice.AudioClips#load}), never while a call is playing it.
 *
 * <p>Immutable and thread-safe. Equality is by name and samples. {@link #toString()} shows the name and duration only: a
 * recording is a caller's voice.
 */
public final class AudioClip {
    /** The longest clip, in samples: one hour, so a hostile file cannot ask for unbounded memory. */
    public static final int MAX_SAMPLES = 3600 * AudioFormat8k.SAMPLE_RATE;

    private final String name;
    private final byte[] pcm;

    private AudioClip(String name, byte[] pcm) {
        this.name = name;
        this.pcm = pcm;
    }

    /**
     * A clip from raw PCM already in {@link AudioFormat8k}; the bytes are copied.
     *
     * @param name a label for logs and errors (a file name, "beep"); not null, at most 200 characters
     * @param pcm  16-bit signed little-endian mono samples at 8 kHz; an even number of bytes, at most
     *             {@link #MAX_SAMPLES} samples
     * @return the clip
     * @throws IllegalArgumentException if the length is odd or too long, or the name is blank or too long
     */
    public static AudioClip ofPcm(String name, byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        checkLength(pcm.length);
        return new AudioClip(checkName(name), pcm.clone());
    }

    /**
     * A clip from 16-bit samples.
     *
     * @param name    a label for logs and errors; not null, at most 200 characters
     * @param samples mono samples at 8 kHz; at most {@link #MAX_SAMPLES}
     * @return the clip
     * @throws IllegalArgumentException if there are too many samples or the name is blank or too long
     */
    public static AudioClip ofSamples(String name, short[] samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("clip longer than " + MAX_SAMPLES + " samples (one hour)");
        }
        byte[] pcm = new byte[samples.length * AudioFormat8k.BYTES_PER_SAMPLE];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
        return new AudioClip(checkName(name), pcm);
    }

    /**
     * Digital silence.
     *
     * @param duration not negative, at most one hour
     * @return a clip of zero samples lasting {@code duration} (rounded down to whole samples)
     */
    public static AudioClip silence(Duration duration) {
        int samples = AudioFormat8k.samplesIn(duration);
        checkLength((long) samples * AudioFormat8k.BYTES_PER_SAMPLE);
        return new AudioClip("silence", new byte[samples * AudioFormat8k.BYTES_PER_SAMPLE]);
    }

    /**
     * The label given when the clip was made.
     *
     * @return the name; never null
     */
    public String name() {
        return name;
    }

    /**
     * The number of samples.
     *
     * @return samples at 8 kHz
     */
    public int sampleCount() {
        return pcm.length / AudioFormat8k.BYTES_PER_SAMPLE;
    }

    /**
     * The length of the PCM data.
     *
     * @return bytes ({@code 2 * sampleCount()})
     */
    public int byteCount() {
        return pcm.length;
    }

    /**
     * How long the clip plays.
     *
     * @return the duration, exact to the nanosecond
     */
    public Duration duration() {
        return AudioFormat8k.durationOf(sampleCount());
    }

    /**
     * One sample.
     *
     * @param index 0 to {@code sampleCount() - 1}
     * @return the signed 16-bit sample
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public short sample(int index) {
        Objects.checkIndex(index, sampleCount());
        int at = index * AudioFormat8k.BYTES_PER_SAMPLE;
        return (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
    }

    /**
     * A copy of the PCM data.
     *
     * @return 16-bit signed little-endian mono samples at 8 kHz
     */
    public byte[] pcm() {
        return pcm.clone();
    }

    /**
     * The PCM data without copying.
     *
     * @return a read-only little-endian view positioned at 0
     */
    public ByteBuffer pcmBuffer() {
        return ByteBuffer.wrap(pcm).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * This clip followed by another.
     *
     * @param next the clip to append; not null
     * @return a new clip named {@code "<this>+<next>"} (shortened if long)
     * @throws IllegalArgumentException if the result would exceed {@link #MAX_SAMPLES}
     */
    public AudioClip append(AudioClip next) {
        Objects.requireNonNull(next, "next");
        checkLength((long) pcm.length + next.pcm.length);
        byte[] joined = Arrays.copyOf(pcm, pcm.length + next.pcm.length);
        System.arraycopy(next.pcm, 0, joined, pcm.length, next.pcm.length);
        String joinedName = name + "+" + next.name;
        return new AudioClip(joinedName.length() > MAX_NAME ? joinedName.substring(0, MAX_NAME) : joinedName, joined);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioClip other && name.equals(other.name) && Arrays.equals(pcm, other.pcm);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(pcm);
    }

    /** Name and duration; never the samples. */
    @Override
    public String toString() {
        return "AudioClip[name=" + name + ", duration=" + duration() + "]";
    }

    private static final int MAX_NAME = 200;

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters, not blank");
        }
        return name;
    }

    private static void checkLength(long bytes) {
        if (bytes % AudioFormat8k.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("PCM length " + bytes + " is odd: 16-bit samples need an even length");
        }
        if (bytes / AudioFormat8k.BYTES_PER_SAMPLE > MAX_SAMPLES) {
            throw new IllegalArgumentException("clip longer than " + MAX_SAMPLES + " samples (one hour)");
        }
    }
}
