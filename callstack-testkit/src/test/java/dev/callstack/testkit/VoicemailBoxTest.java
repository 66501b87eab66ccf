package dev.callstack.testkit;

import static dev.callstack.testkit.IvrMenuTest.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.Voicemail;
import dev.callstack.core.voice.VoicemailBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VoicemailBoxTest {
    private static final AudioClip GREETING = clip("greeting", 1);
    private static final AudioClip GOODBYE = clip("goodbye", 2);
    private static final AudioClip MESSAGE = clip("message", 3);
    private static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");
    private static final PhoneNumber CALLER = PhoneNumber.of("+15550100100");

    private final FakeCallSession call = new FakeCallSession();

    private VoicemailBox.Builder box() {
        return VoicemailBox.builder().greeting(GREETING).goodbye(GOODBYE).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void greetingBeepRecordGoodbyeThenHangUp() {
        call.callerSays(MESSAGE);

        Voicemail vm = box().maxDuration(Duration.ofSeconds(30)).stopOnSilence(Duration.ofSeconds(3)).build()
                .take(call, CALLER);

        assertThat(call.playedClips()).containsExactly(GREETING, VoicemailBox.standardBeep(), GOODBYE);
        assertThat(call.recordings()).containsExactly(
                new RecordOptions(Duration.ofSeconds(30), Duration.ofSeconds(3), false));
        assertThat(call.hungUp()).isTrue();
        assertThat(vm.caller()).isEqualTo(CALLER);
        assertThat(vm.start()).isEqualTo(NOW);
        assertThat(vm.ending()).isEqualTo(Recording.Ending.SILENCE);
        assertThat(vm.duration()).isEqualTo(MESSAGE.duration());
        assertThat(vm.recording().audio().pcm()).isEqualTo(MESSAGE.pcm());
    }

    @Test
    void hashEndsTheRecording() {
        call.callerSays(MESSAGE).pressWhileRecording("#");

        Voicemail vm = box().stopOnDigit(true).build().take(call, null);

        assertThat(vm.ending()).isEqualTo(Recording.Ending.DTMF);
        assertThat(call.pendingDigits()).isEmpty();
        assertThat(call.playedClips()).endsWith(GOODBYE);
        assertThat(vm.caller()).isNull();
    }

    @Test
    void withoutStopOnDigitAKeyDoesNotEndTheRecording() {
        call.callerSays(MESSAGE).pressWhileRecording("#");

        Voicemail vm = box().maxDuration(Duration.ofSeconds(1)).build().take(call, null);

        assertThat(vm.ending()).isEqualTo(Recording.Ending.MAX_DURATION);
        assertThat(vm.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(call.pendingDigits()).isEqualTo("#");
    }

    @Test
    void aKeyTypedAheadOfTheBeepNeitherEndsTheMessageNorOutlivesIt() {
        // A fast caller: the second press of the key that chose voicemail lands during the greeting.
        call.press("1").callerSays(MESSAGE);

        Voicemail vm = box().stopOnDigit(true).stopOnSilence(Duration.ofSeconds(2)).build().take(call, null);

        assertThat(vm.ending()).isEqualTo(Recording.Ending.SILENCE);
        assertThat(vm.recording().audio().pcm()).isEqualTo(MESSAGE.pcm());
        assertThat(call.pendingDigits()).isEmpty();
        assertThat(call.playedClips()).containsExactly(GREETING, VoicemailBox.standardBeep(), GOODBYE);
    }

    @Test
    void hangUpDuringRecordingKeepsTheMessageAndSkipsTheGoodbye() {
        call.callerSays(MESSAGE).hangUpWhileRecording();

        Voicemail vm = box().build().take(call, CALLER);

        assertThat(vm.ending()).isEqualTo(Recording.Ending.HANGUP);
        assertThat(vm.recording().audio().pcm()).isEqualTo(MESSAGE.pcm());
        assertThat(call.playedClips()).containsExactly(GREETING, VoicemailBox.standardBeep());
        assertThat(call.hungUp()).isFalse();
        assertThat(call.callerHungUp()).isTrue();
    }

    @Test
    void hangUpDuringTheGoodbyeStillReturnsTheMessage() {
        call.callerSays(MESSAGE).hangUpWhenPlaying(GOODBYE);

        Voicemail vm = box().stopOnSilence(Duration.ofSeconds(2)).build().take(call, CALLER);

        assertThat(vm.ending()).isEqualTo(Recording.Ending.SILENCE);
        assertThat(call.played()).last().isEqualTo(new FakeCallSession.Played(GOODBYE, true));
    }

    @Test
    void hangUpBeforeTheBeepThrows() {
        call.hangUpWhenPlaying(GREETING);

        assertThatThrownBy(() -> box().build().take(call, CALLER)).isInstanceOf(CallEndedException.class);
        assertThat(call.recordings()).isEmpty();
    }

    @Test
    void aGivenBeepReplacesTheStandardOne() {
        AudioClip chirp = clip("chirp", 9);
        call.callerSays(MESSAGE);

        VoicemailBox.builder().beep(chirp).stopOnSilence(Duration.ofSeconds(1)).build().take(call, null);

        assertThat(call.playedClips()).containsExactly(chirp);
    }

    @Test
    void standardBeepIsAQuarterSecondOfOneKilohertz() {
        AudioClip beep = VoicemailBox.standardBeep();
        assertThat(beep.duration()).isEqualTo(Duration.ofMillis(250));
        // 1 kHz at 8 kHz: 8 samples a period, so sample 2 is the crest and sample 4 a zero crossing.
        assertThat(beep.sample(2)).isEqualTo((short) Math.round(Short.MAX_VALUE / 4.0));
        assertThat(beep.sample(4)).isZero();
        assertThat(beep.sample(6)).isEqualTo((short) -Math.round(Short.MAX_VALUE / 4.0));
        assertThat(beep.sampleCount()).isEqualTo(AudioFormat8k.SAMPLE_RATE / 4);
    }

    @Test
    void toStringHidesTheCallerAndTheAudio() {
        Voicemail vm = new Voicemail(CALLER, NOW, new Recording(MESSAGE, Recording.Ending.HANGUP));
        assertThat(vm.toString()).startsWith("Voicemail[").doesNotContain("555010").doesNotContain("0100")
                .doesNotContain("message").contains("HANGUP").contains(NOW.toString());
        assertThat(new Voicemail(null, NOW, vm.recording()).toString()).contains("caller=withheld");
    }

    @Test
    void maxDurationIsOneSecondToOneHour() {
        VoicemailBox.Builder b = VoicemailBox.builder();
        assertThatThrownBy(() -> b.maxDuration(Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 second to 1 hour");
        assertThatThrownBy(() -> b.maxDuration(Duration.ofHours(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stopOnSilence(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("silence must be positive");
        assertThat(b.maxDuration(Duration.ofHours(1)).build().recordOptions().maxDuration())
                .isEqualTo(Duration.ofHours(1));
        assertThat(VoicemailBox.builder().build().recordOptions())
                .isEqualTo(RecordOptions.upTo(VoicemailBox.DEFAULT_MAX_DURATION));
    }
}
