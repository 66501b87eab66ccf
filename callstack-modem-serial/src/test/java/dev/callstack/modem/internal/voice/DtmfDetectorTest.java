package dev.callstack.modem.internal.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DtmfDetectorTest {
    private static final int MS = 8;
    private static final double AMP = 6000; // about -15 dBFS per tone

    /** Builds a PCM script: tones and pauses, optional white noise over everything. */
    private static final class Script {
        final short[] pcm = new short[8000 * 10];
        int at = 400;

        Script tone(char digit, int ms) {
            return tone(digit, ms, AMP, AMP, 1.0);
        }

        Script tone(char digit, int ms, double low, double high, double factor) {
            DtmfTones.add(digit, pcm, at, ms * MS, low, high, factor);
            at += ms * MS;
            return this;
        }

        Script pause(int ms) {
            at += ms * MS;
            return this;
        }

        Script noise(double rms, long seed) {
            Random random = new Random(seed);
            for (int i = 0; i < pcm.length; i++) {
                double v = pcm[i] + random.nextGaussian() * rms;
                pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
            }
            return this;
        }

        String detect() {
            StringBuilder out = new StringBuilder();
            DtmfDetector detector = new DtmfDetector((digit, start) -> out.append(digit));
            // Odd chunk sizes: detection must not depend on how the stream is cut.
            for (int i = 0; i < at + 800; i += 37) {
                detector.accept(pcm, i, Math.min(37, at + 800 - i));
            }
            return out.toString();
        }
    }

    @Test
    void allSixteenDigitsInOrder() {
        Script s = new Script();
        for (char d : "123A456B789C*0#D".toCharArray()) {
            s.tone(d, 50).pause(50);
        }
        assertThat(s.detect()).isEqualTo("123A456B789C*0#D");
    }

    @Test
    void repeatedDigitsSeparatedByPausesCountEachTime() {
        assertThat(new Script().tone('5', 45).pause(40).tone('5', 45).pause(40).tone('5', 45).detect())
                .isEqualTo("555");
    }

    @Test
    void aLongToneIsOneDigit() {
        assertThat(new Script().tone('9', 2000).detect()).isEqualTo("9");
    }

    @Test
    void aTenMillisecondBreakDoesNotRepeatTheDigit() {
        assertThat(new Script().tone('7', 60).pause(10).tone('7', 60).detect()).isEqualTo("7");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 41, 45, 50})
    void tonesOfFortyMillisecondsAreAccepted(int ms) {
        for (int offset = 0; offset < 51; offset += 7) { // every alignment against the analysis hop
            Script s = new Script();
            s.at += offset;
            assertThat(s.tone('8', ms).detect()).as("offset %d", offset).isEqualTo("8");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 20, 22})
    void tonesShorterThanTwentyThreeMillisecondsAreRejected(int ms) {
        for (int offset = 0; offset < 51; offset += 7) {
            Script s = new Script();
            s.at += offset;
            assertThat(s.tone('8', ms).detect()).as("offset %d", offset).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.985, 0.99, 1.01, 1.015})
    void frequencyWithinOnePointFivePercentIsAccepted(double factor) {
        assertThat(new Script().tone('1', 60, AMP, AMP, factor).pause(60).tone('D', 60, AMP, AMP, factor).detect())
                .isEqualTo("1D");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.965, 0.96, 1.035, 1.04})
    void frequencyOffByThreePointFivePercentIsRejected(double factor) {
        Script s = new Script();
        for (char d : "123A456B789C*0#D".toCharArray()) {
            s.tone(d, 60, AMP, AMP, factor).pause(60);
        }
        assertThat(s.detect()).isEmpty();
    }

    @Test
    void twistWithinLimitsIsAccepted() {
        double normal7dB = AMP / Math.pow(10, 7 / 20.0);
        double reverse3dB = AMP / Math.pow(10, 3 / 20.0);
        assertThat(new Script().tone('3', 60, AMP, normal7dB, 1).pause(60).tone('#', 60, reverse3dB, AMP, 1).detect())
                .isEqualTo("3#");
    }

    @Test
    void twistBeyondLimitsIsRejected() {
        double normal10dB = AMP / Math.pow(10, 10 / 20.0);
        double reverse6dB = AMP / Math.pow(10, 6 / 20.0);
        assertThat(new Script().tone('3', 60, AMP, normal10dB, 1).pause(60).tone('#', 60, reverse6dB, AMP, 1).detect())
                .isEmpty();
    }

    @Test
    void digitsSurviveNoiseTwentyDecibelsDown() {
        double toneRms = AMP; // two tones of amplitude A: rms A
        Script s = new Script();
        for (char d : "0123456789*#ABCD".toCharArray()) {
            s.tone(d, 50).pause(50);
        }
        assertThat(s.noise(toneRms / 10, 42).detect()).isEqualTo("0123456789*#ABCD");
    }

    @Test
    void noiseAloneIsNoDigit() {
        for (long seed = 0; seed < 5; seed++) {
            Script s = new Script();
            s.at = 8000 * 9;
            assertThat(s.noise(3000, seed).detect()).isEmpty();
        }
    }

    @Test
    void speechLikeHarmonicsAreNoDigit() {
        // A voiced sound: 100–250 Hz gliding fundamental with 30 harmonics, the classic false-DTMF trigger.
        Script s = new Script();
        double phase = 0;
        for (int i = 0; i < 8000 * 9; i++) {
            double f0 = 175 + 75 * Math.sin(2 * Math.PI * 0.7 * i / 8000);
            phase += 2 * Math.PI * f0 / 8000;
            double v = 0;
            for (int h = 1; h <= 30; h++) {
                v += Math.sin(h * phase) * 2500 / h;
            }
            s.pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        s.at = 8000 * 9;
        assertThat(s.detect()).isEmpty();
    }

    @Test
    void singleToneIsNoDigit() {
        assertThat(new Script().tone('5', 200, AMP, 0, 1).pause(60).tone('5', 200, 0, AMP, 1).detect()).isEmpty();
    }

    @Test
    void quietTonesBelowTheFloorAreIgnored() {
        assertThat(new Script().tone('2', 100, 100, 100, 1).detect()).isEmpty();
    }

    @Test
    void startSampleIsNearTheToneOnset() {
        long[] start = new long[1];
        short[] pcm = new short[8000];
        DtmfTones.add('4', pcm, 2000, 480, AMP, AMP, 1);
        new DtmfDetector((d, s) -> start[0] = s).accept(pcm, 0, pcm.length);
        assertThat(start[0]).isBetween(2000L - 102, 2000L + 102);
    }
}
