package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.callstack.core.voice.AudioFormat8k;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcmSignalsTest {
    private static final double[] DTMF_FREQUENCIES = {697, 770, 852, 941, 1209, 1336, 1477, 1633};

    /** Goertzel power of {@code hertz} over all of {@code samples}: an independent check of the synthesis. */
    private static double goertzel(double[] samples, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / AudioFormat8k.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (double x : samples) {
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    private static double[] samples(byte[] pcm, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
        }
        return out;
    }

    @Test
    void everyDtmfKeyCarriesItsQ23PairAndNothingElse() {
        String keys = "0123456789*#ABCD";
        for (int k = 0; k < keys.length(); k++) {
            char key = keys.charAt(k);
            byte[] pcm = PcmSignals.dtmf(key, 0.5);
            int tone = AudioFormat8k.samplesIn(PcmSignals.DTMF_TONE);
            assertThat(pcm).hasSize(2 * (tone + AudioFormat8k.samplesIn(PcmSignals.DTMF_GAP)));
            double[] toneSamples = samples(pcm, 0, tone);
            double[] pair = PcmSignals.dtmfFrequencies(key);
            double rowPower = goertzel(toneSamples, pair[0]);
            double columnPower = goertzel(toneSamples, pair[1]);
            for (double other : DTMF_FREQUENCIES) {
                if (other != pair[0] && other != pair[1]) {
                    double power = goertzel(toneSamples, other);
                    assertThat(rowPower).as("%s row vs %s Hz", key, other).isGreaterThan(20 * power);
                    assertThat(columnPower).as("%s column vs %s Hz", key, other).isGreaterThan(20 * power);
                }
            }
            assertThat(samples(pcm, tone, pcm.length / 2)).as("the gap").containsOnly(0.0);
            assertThat(Arrays.stream(toneSamples).map(Math::abs).max().orElseThrow())
                    .isLessThanOrEqualTo(0.5 * Short.MAX_VALUE + 1);
        }
    }

    @Test
    void q23PairsAreTheStandardOnes() {
        assertThat(PcmSignals.dtmfFrequencies('1')).containsExactly(697, 1209);
        assertThat(PcmSignals.dtmfFrequencies('5')).containsExactly(770, 1336);
        assertThat(PcmSignals.dtmfFrequencies('0')).containsExactly(941, 1336);
        assertThat(PcmSignals.dtmfFrequencies('#')).containsExactly(941, 1477);
        assertThat(PcmSignals.dtmfFrequencies('d')).containsExactly(941, 1633);
        assertThatThrownBy(() -> PcmSignals.dtmf('E', 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PcmSignals.dtmf('1', 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequencesConcatenateKeys() {
        byte[] both = PcmSignals.dtmfSequence("12", 0.5);
        byte[] one = PcmSignals.dtmf('1', 0.5);
        assertThat(Arrays.copyOf(both, one.length)).isEqualTo(one);
        assertThat(Arrays.copyOfRange(both, one.length, both.length)).isEqualTo(PcmSignals.dtmf('2', 0.5));
    }

    @Test
    void toneHasItsFrequencyAndSilenceIsZero() {
        byte[] tone = PcmSignals.tone(1000, Duration.ofMillis(100), 0.8);
        assertThat(tone).hasSize(1600);
        double[] s = samples(tone, 0, 800);
        assertThat(goertzel(s, 1000)).isGreaterThan(1000 * goertzel(s, 1500));
        assertThat(PcmSignals.silence(Duration.ofMillis(40))).hasSize(AudioFormat8k.FRAME_BYTES).containsOnly(0);
        assertThatThrownBy(() -> PcmSignals.tone(4000, Duration.ofMillis(10), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] noise(int samples, long seed, double amplitude) {
        Random random = new Random(seed);
        byte[] pcm = new byte[2 * samples];
        for (int i = 0; i < samples; i++) {
            short v = (short) Math.round(random.nextGaussian() * amplitude * Short.MAX_VALUE / 4);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void aClipCorrelatesWithItselfAndWhereverItIsEmbedded() {
        byte[] prompt = concat(PcmSignals.tone(440, Duration.ofMillis(300), 0.5), PcmSignals.dtmfSequence("1#", 0.6),
                noise(2000, 7, 0.5));

        assertThat(PcmSignals.normalizedCorrelation(prompt, prompt)).isCloseTo(1.0, within(1e-6));
        byte[] heard = concat(PcmSignals.silence(Duration.ofMillis(333)), prompt, noise(5000, 11, 0.3));
        assertThat(PcmSignals.normalizedCorrelation(heard, prompt)).isCloseTo(1.0, within(1e-6));
        assertThat(PcmSignals.normalizedCorrelation(prompt, heard)).as("symmetric").isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aClipDoesNotCorrelateWithNoiseOrSilence() {
        byte[] prompt = concat(PcmSignals.tone(440, Duration.ofMillis(300), 0.5), noise(4000, 3, 0.5));

        assertThat(PcmSignals.normalizedCorrelation(noise(40_000, 5, 0.5), prompt)).isLessThan(0.2);
        assertThat(PcmSignals.normalizedCorrelation(PcmSignals.silence(Duration.ofSeconds(2)), prompt)).isZero();
        assertThat(PcmSignals.normalizedCorrelation(new byte[0], prompt)).isZero();
        assertThatThrownBy(() -> PcmSignals.normalizedCorrelation(new byte[3], prompt))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
