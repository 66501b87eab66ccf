package dev.callstack.testkit;

import static dev.callstack.testkit.IvrMenuTest.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.VoiceStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeCallSessionTest {
    private static final Duration T = Duration.ofSeconds(5);
    private static final AudioClip A = clip("a", 1);
    private static final AudioClip B = clip("b", 2);

    private final FakeCallSession call = new FakeCallSession();

    @Test
    void collectTakesQueuedDigitsUpToTheTerminatorAndTimesOutAtOnce() {
        call.press("12#34").staysSilent().press("5");

        assertThat(call.collectDtmf(8, T, '#')).isEqualTo("12");
        assertThat(call.collectDtmf(1, T, '#')).isEqualTo("3");
        assertThat(call.collectDtmf(8, T, '#')).isEqualTo("4");
        assertThat(call.collectDtmf(8, T, (char) 0)).isEqualTo("5");
        assertThat(call.collectDtmf(8, T, (char) 0)).isEmpty();
    }

    @Test
    void recordTruncatesAtTheLimitAndPadsWithSilence() {
        AudioClip twoSeconds = AudioClip.silence(Duration.ofSeconds(2));
        call.callerSays(twoSeconds);
        Recording cut = call.record(RecordOptions.upTo(Duration.ofSeconds(1)));
        assertThat(cut.ending()).isEqualTo(Recording.Ending.MAX_DURATION);
        assertThat(cut.duration()).isEqualTo(Duration.ofSeconds(1));

        call.callerSays(A);
        Recording padded = call.record(RecordOptions.upTo(Duration.ofSeconds(1)));
        assertThat(padded.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(padded.audio().sample(0)).isEqualTo(A.sample(0));
    }

    @Test
    void recordDiscardsTypeAheadAndOnlyAKeyPressedDuringItStopsIt() {
        call.press("12").staysSilent().press("3").pressWhileRecording("#9").callerSays(A);

        Recording r = call.record(new RecordOptions(Duration.ofSeconds(5), null, true));

        assertThat(r.ending()).isEqualTo(Recording.Ending.DTMF);
        assertThat(r.audio().pcm()).isEqualTo(A.pcm());
        // "12" was typed ahead (discarded), "#" ended the recording (consumed), "9" came after it; "3" is for later.
        assertThat(call.pendingDigits()).isEqualTo("93");
        assertThat(call.collectDtmf(8, T, (char) 0)).isEqualTo("9");
        assertThat(call.collectDtmf(8, T, (char) 0)).isEqualTo("3");
    }

    @Test
    void everythingFailsFastOnceTheCallEndedButHangUpIsQuiet() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return call.awaitEnd(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        call.callerHangsUp();

        assertThat(waiter.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(call.isActive()).isFalse();
        assertThatThrownBy(() -> call.play(A)).isInstanceOf(CallEndedException.class);
        assertThatThrownBy(() -> call.collectDtmf(1, T, (char) 0)).isInstanceOf(CallEndedException.class);
        assertThatThrownBy(() -> call.record(RecordOptions.upTo(T))).isInstanceOf(CallEndedException.class);
        assertThatThrownBy(() -> call.sendDtmf("1")).isInstanceOf(CallEndedException.class);
        call.hangUp();
        assertThat(call.hungUp()).isFalse();
        assertThat(call.awaitEnd(Duration.ZERO)).isTrue();
    }

    @Test
    void playSequenceAndHangUpAfterPlays() {
        call.hangUpAfterPlays(2);
        call.playSequence(List.of(A, B));
        assertThat(call.playedClips()).containsExactly(A, B);
        assertThat(call.callerHungUp()).isTrue();
        assertThatThrownBy(() -> call.play(A)).isInstanceOf(CallEndedException.class);
    }

    @Test
    void scriptingRejectsNonDtmfAndToStringShowsNoDigits() {
        assertThatThrownBy(() -> call.press("1x")).isInstanceOf(IllegalArgumentException.class);
        call.press("4711");
        assertThat(call.toString()).doesNotContain("4711");
        assertThat(call.pendingDigits()).isEqualTo("4711");
    }

    @Test
    void fakeModemExposesASettableVoiceApi() {
        FakeModem modem = new FakeModem();
        assertThat(modem.voice().status()).isEqualTo(VoiceStatus.ABSENT);
        assertThat(modem.voice().session()).isEmpty();

        modem.voice().status(VoiceStatus.OPEN);
        modem.voice().session(call);

        assertThat(modem.voice().status()).isEqualTo(VoiceStatus.OPEN);
        assertThat(modem.voice().session()).containsSame(call);
        modem.close();
    }
}
