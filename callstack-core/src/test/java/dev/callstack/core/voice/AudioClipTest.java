package dev.callstack.core.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AudioClipTest {

    @Test
    void frameConstantsMatchTheSim7600PcmPort() {
        assertThat(AudioFormat8k.FRAME_SAMPLES).isEqualTo(320);
        assertThat(AudioFormat8k.FRAME_BYTES).isEqualTo(640);
        assertThat(AudioFormat8k.BYTES_PER_SECOND).isEqualTo(16_000);
        assertThat(AudioFormat8k.FRAME_DURATION).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void samplesAndDurationsConvertExactly() {
        assertThat(AudioFormat8k.samplesIn(Duration.ofMillis(40))).isEqualTo(320);
        assertThat(AudioFormat8k.samplesIn(Duration.ofNanos(124_999))).isZero();
        assertThat(AudioFormat8k.samplesIn(Duration.ofNanos(125_000))).isOne();
        assertThat(AudioFormat8k.durationOf(8001)).isEqualTo(Duration.ofSeconds(1, 125_000));
        assertThatThrownBy(() -> AudioFormat8k.samplesIn(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFormat8k.samplesIn(Duration.ofDays(100_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFormat8k.durationOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesAreLittleEndianSigned() {
        AudioClip clip = AudioClip.ofPcm("t", new byte[] {0x34, 0x12, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80});
        assertThat(clip.sampleCount()).isEqualTo(3);
        assertThat(clip.sample(0)).isEqualTo((short) 0x1234);
        assertThat(clip.sample(1)).isEqualTo((short) -1);
        assertThat(clip.sample(2)).isEqualTo(Short.MIN_VALUE);
        assertThatThrownBy(() -> clip.sample(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofSamplesAndOfPcmAgree() {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 12345};
        AudioClip a = AudioClip.ofSamples("x", samples);
        AudioClip b = AudioClip.ofPcm("x", a.pcm());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        for (int i = 0; i < samples.length; i++) {
            assertThat(a.sample(i)).isEqualTo(samples[i]);
        }
    }

    @Test
    void clipIsImmutable() {
        byte[] source = {1, 2, 3, 4};
        AudioClip clip = AudioClip.ofPcm("t", source);
        source[0] = 9;
        clip.pcm()[1] = 9;
        assertThat(clip.pcm()).containsExactly(1, 2, 3, 4);
        ByteBuffer view = clip.pcmBuffer();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.getShort(0)).isEqualTo((short) 0x0201);
    }

    @Test
    void oddLengthTooLongAndBadNamesAreRejected() {
        assertThatThrownBy(() -> AudioClip.ofPcm("t", new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
        assertThatThrownBy(() -> AudioClip.ofSamples("t", new short[AudioClip.MAX_SAMPLES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one hour");
        assertThatThrownBy(() -> AudioClip.silence(Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioClip.ofPcm(" ", new byte[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioClip.ofPcm("n".repeat(201), new byte[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silenceAndAppendAddUp() {
        AudioClip beep = AudioClip.ofSamples("beep", new short[] {100, -100});
        AudioClip joined = AudioClip.silence(Duration.ofMillis(40)).append(beep);
        assertThat(joined.sampleCount()).isEqualTo(322);
        assertThat(joined.duration()).isEqualTo(Duration.ofNanos(40_250_000));
        assertThat(joined.sample(0)).isZero();
        assertThat(joined.sample(321)).isEqualTo((short) -100);
        assertThat(joined.name()).isEqualTo("silence+beep");
        assertThat(joined.byteCount()).isEqualTo(644);
    }

    @Test
    void toStringNeverShowsSamples() {
        AudioClip clip = AudioClip.ofSamples("greeting.wav", new short[] {4242});
        assertThat(clip.toString()).isEqualTo("AudioClip[name=greeting.wav, duration=PT0.000125S]");
    }
}
