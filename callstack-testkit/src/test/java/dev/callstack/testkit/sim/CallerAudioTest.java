package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.voice.AudioFormat8k;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallerAudioTest {

    @Test
    void framesCarryQueuedSpeechThenSilence() {
        CallerAudio caller = new CallerAudio(1000);
        byte[] said = SimAudioPortTest.ramp(400); // 800 bytes: one frame and 160 bytes
        caller.say(said);

        byte[] first = caller.nextFrame();
        byte[] second = caller.nextFrame();

        assertThat(first).isEqualTo(Arrays.copyOf(said, AudioFormat8k.FRAME_BYTES));
        assertThat(Arrays.copyOf(second, 160)).isEqualTo(Arrays.copyOfRange(said, AudioFormat8k.FRAME_BYTES, 800));
        assertThat(Arrays.copyOfRange(second, 160, AudioFormat8k.FRAME_BYTES)).containsOnly(0);
        assertThat(caller.speaking()).isFalse();
        assertThat(caller.nextFrame()).containsOnly(0);
        assertThatThrownBy(() -> caller.say(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heardKeepsTheNewestBytesInWholeSamplesPastItsLimit() {
        CallerAudio caller = new CallerAudio(100);
        byte[] stream = new byte[150];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = (byte) i;
        }
        caller.heard(stream, 61);
        caller.heard(Arrays.copyOfRange(stream, 61, 150), 89);

        byte[] kept = caller.heard();
        assertThat(kept.length).isLessThanOrEqualTo(100).isGreaterThanOrEqualTo(49);
        assertThat((stream.length - kept.length) % 2).as("dropped whole samples").isZero();
        assertThat(kept).isEqualTo(Arrays.copyOfRange(stream, stream.length - kept.length, stream.length));
        caller.clearHeard();
        assertThat(caller.heard()).isEmpty();
    }
}
