package dev.callstack.modem.voice;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.modem.internal.voice.Resampler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Loads audio files into {@link AudioClip}s, converting once to 8 kHz 16-bit mono: channels are averaged, the rate
 * is changed by a band-limited (windowed-sinc) resampler. Any file {@code javax.sound.sampled} reads works: PCM WAV
 * of 8–32 bits, float, A-law and µ-law WAV, AIFF, AU. A compressed or non-audio file fails here, at load, with an
 * {@link AudioFileException} naming the file and the reason — never in the middle of a call. Stateless.
 */
public final class AudioClips {
    private AudioClips() {
    }

    /**
     * Loads and converts a file.
     *
     * @param file the audio file
     * @return the clip, named after the file name
     * @throws AudioFileException if the file is not audio, uses an encoding without a decoder, or is longer than
     *                            {@link AudioClip#MAX_SAMPLES} after conversion
     * @throws IOException        if the file cannot be read
     */
    public static AudioClip load(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                AudioInputStream in = open(file, raw)) {
            AudioFormat source = in.getFormat();
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16,
                    source.getChannels(), 2 * source.getChannels(), source.getSampleRate(), false);
            if (source.getChannels() < 1 || source.getSampleRate() < 1000 || source.getSampleRate() > 384_000) {
                throw new AudioFileException(file, "unusable format " + source, null);
            }
            if (!AudioSystem.isConversionSupported(pcm16, source)) {
                throw new AudioFileException(file, "encoding " + source.getEncoding() + " (" + source.getSampleSizeInBits()
                        + " bits) cannot be decoded to PCM; compressed audio is not supported", null);
            }
            double seconds = in.getFrameLength() / (double) source.getFrameRate();
            if (in.getFrameLength() != AudioSystem.NOT_SPECIFIED && seconds > AudioClip.MAX_SAMPLES
                    / (double) AudioFormat8k.SAMPLE_RATE) {
                throw new AudioFileException(file, "longer than one hour", null);
            }
            long maxBytes = (long) Math.ceil(source.getSampleRate() * 3600) * pcm16.getFrameSize() + pcm16.getFrameSize();
            byte[] bytes;
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16, in)) {
                bytes = converted.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw new AudioFileException(file, "longer than one hour", null);
            }
            short[] mono = downmix(bytes, source.getChannels());
            short[] out = Resampler.resample(mono, source.getSampleRate(), AudioFormat8k.SAMPLE_RATE);
            if (out.length > AudioClip.MAX_SAMPLES) {
                throw new AudioFileException(file, "longer than one hour", null);
            }
            return AudioClip.ofSamples(name.length() > 200 ? name.substring(0, 200) : name, out);
        }
    }

    private static AudioInputStream open(Path file, InputStream raw) throws IOException {
        try {
            return AudioSystem.getAudioInputStream(raw);
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file, "not a supported audio file (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new AudioFileException(file, "malformed audio header", e);
        }
    }

    private static short[] downmix(byte[] pcm, int channels) {
        ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int frames = pcm.length / (2 * channels);
        short[] out = new short[frames];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort((f * channels + c) * 2);
            }
            out[f] = (short) Math.round(sum / (double) channels);
        }
        return out;
    }
}
