package dev.callstack.modem.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.voice.AudioClip;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioClipsTest {
    @TempDir
    Path dir;

    private Path wav(String name, float rate, int channels, double freq, double seconds) throws Exception {
        int frames = (int) (rate * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(10_000 * Math.sin(2 * Math.PI * freq * i / rate));
            for (int c = 0; c < channels; c++) {
                pcm.putShort(v);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Amplitude of {@code freq} in the clip by correlation (1 = full sine of amplitude 1). */
    private static double amplitude(AudioClip clip, double freq) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < clip.sampleCount(); i++) {
            re += clip.sample(i) * Math.cos(2 * Math.PI * freq * i / 8000);
            im += clip.sample(i) * Math.sin(2 * Math.PI * freq * i / 8000);
        }
        return 2 * Math.hypot(re, im) / clip.sampleCount();
    }

    @Test
    void stereo44kIsDownmixedAndResampledTo8k() throws Exception {
        AudioClip clip = AudioClips.load(wav("prompt.wav", 44_100, 2, 1000, 1.0));
        assertThat(clip.name()).isEqualTo("prompt.wav");
        assertThat(clip.duration()).isBetween(Duration.ofMillis(995), Duration.ofMillis(1001));
        assertThat(amplitude(clip, 1000)).isBetween(9_500.0, 10_500.0);
    }

    @Test
    void toneAboveTheTelephoneBandDoesNotAlias() throws Exception {
        // 7 kHz at 48 kHz would fold to 1 kHz without the low-pass.
        AudioClip clip = AudioClips.load(wav("hiss.wav", 48_000, 1, 7000, 1.0));
        assertThat(amplitude(clip, 1000)).isLessThan(100);
    }

    @Test
    void wav8kRoundTripsThroughTheWriterUnchanged() throws Exception {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i * 7 - 20_000);
        }
        AudioClip original = AudioClip.ofSamples("rec.wav", samples);
        Path file = dir.resolve("rec.wav");
        WavWriter.write(file, original);
        assertThat(Files.size(file)).isEqualTo(WavWriter.HEADER_BYTES + 16_000L);
        assertThat(AudioClips.load(file)).isEqualTo(original);
        assertThatThrownBy(() -> WavWriter.write(file, original)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void headerIsCanonicalRiff() {
        byte[] wav = WavWriter.encode(AudioClip.ofSamples("x", new short[] {1, 2}));
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(40);
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getShort(22)).isEqualTo((short) 1);
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(b.getInt(40)).isEqualTo(4);
    }

    @Test
    void textFileFailsAtLoadNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "this is not audio at all, just some text in a file");
        assertThatThrownBy(() -> AudioClips.load(file)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(file + ": not a supported audio file")
                .satisfies(e -> assertThat(((AudioFileException) e).file()).isEqualTo(file));
    }

    @Test
    void compressedWavFailsAtLoad() throws Exception {
        // A WAVE header declaring GSM 6.10 (format tag 0x31): a real container with a codec we cannot decode.
        ByteBuffer b = ByteBuffer.allocate(44 + 65).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 65).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 0x31).putShort((short) 1).putInt(8000).putInt(1625).putShort((short) 65)
                .putShort((short) 0).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(65);
        Path file = dir.resolve("gsm.wav");
        Files.write(file, b.array());
        assertThatThrownBy(() -> AudioClips.load(file)).isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void emptyFileFailsAtLoad() throws Exception {
        Path file = dir.resolve("empty.wav");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> AudioClips.load(file)).isInstanceOf(AudioFileException.class);
    }
}
