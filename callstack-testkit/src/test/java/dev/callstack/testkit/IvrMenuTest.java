package dev.callstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.IvrAction;
import dev.callstack.core.voice.IvrListener;
import dev.callstack.core.voice.IvrMenu;
import dev.callstack.core.voice.IvrOutcome;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.Voicemail;
import dev.callstack.core.voice.VoicemailBox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link IvrMenu} driven through {@link FakeCallSession}: core's tests cannot see the testkit. */
class IvrMenuTest {
    private static final AudioClip WELCOME = clip("welcome", 1);
    private static final AudioClip HOURS = clip("hours", 2);
    private static final AudioClip SORRY = clip("sorry", 3);
    private static final AudioClip NO_INPUT = clip("no-input", 4);
    private static final AudioClip BYE = clip("bye", 5);
    private static final AudioClip GREETING = clip("greeting", 6);
    private static final AudioClip MESSAGE = clip("message", 7);
    private static final AudioClip SALES = clip("sales", 8);
    private static final AudioClip PRICES = clip("prices", 9);
    private static final PhoneNumber CALLER = PhoneNumber.of("+15550100100");

    private final FakeCallSession call = new FakeCallSession();
    private final RecordingListener listener = new RecordingListener();
    private final VoicemailBox box = VoicemailBox.builder().greeting(GREETING).build();

    private IvrMenu.Builder standard() {
        return IvrMenu.builder(WELCOME)
                .option("1", IvrAction.voicemail(box))
                .option("2", IvrAction.play(HOURS))
                .option("0", IvrAction.event("operator"))
                .invalidPrompt(SORRY)
                .goodbye(BYE);
    }

    @Test
    void optionOneTakesAVoicemailAndTellsTheListener() {
        call.press("1").callerSays(MESSAGE).hangUpWhileRecording();

        IvrOutcome outcome = standard().build().run(call, CALLER, listener);

        assertThat(outcome).isEqualTo(new IvrOutcome(List.of("1"), IvrOutcome.Ending.COMPLETED));
        assertThat(call.playedClips()).containsExactly(WELCOME, GREETING, VoicemailBox.standardBeep());
        assertThat(listener.events).containsExactly("option 1", "voicemail");
        Voicemail voicemail = listener.voicemails.get(0);
        assertThat(voicemail.caller()).isEqualTo(CALLER);
        assertThat(voicemail.ending()).isEqualTo(Recording.Ending.HANGUP);
        assertThat(voicemail.recording().audio().pcm()).isEqualTo(MESSAGE.pcm());
    }

    @Test
    void playOptionReturnsToTheMenu() {
        call.press("2").press("0");

        IvrOutcome outcome = standard().build().run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, HOURS, WELCOME);
        assertThat(outcome.path()).containsExactly("2", "0");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
        assertThat(listener.events).containsExactly("option 2", "option 0", "notify operator");
        assertThat(call.hungUp()).isTrue();
    }

    @Test
    void playThenHangUpOptionEndsTheCall() {
        call.press("2");
        IvrMenu menu = IvrMenu.builder(WELCOME).option("2", IvrAction.playThenHangUp(HOURS)).build();

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, HOURS);
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
        assertThat(call.hungUp()).isTrue();
    }

    @Test
    void wrongDigitPlaysTheInvalidPromptThenTheRightOneIsTaken() {
        call.press("9").press("2").press("#");
        IvrMenu menu = standard().option("#", IvrAction.hangUp()).build();

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, SORRY, WELCOME, HOURS, WELCOME);
        assertThat(outcome.path()).containsExactly("2", "#");
        assertThat(listener.events).containsExactly("option 2", "option #");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
    }

    @Test
    void silenceOnEveryTrySaysGoodbyeAndHangsUp() {
        IvrMenu menu = standard().timeoutPrompt(NO_INPUT).retries(2).build();

        IvrOutcome outcome = menu.run(call, listener); // nothing pressed: every collect times out at once

        assertThat(call.playedClips()).containsExactly(WELCOME, NO_INPUT, WELCOME, NO_INPUT, WELCOME, NO_INPUT, BYE);
        assertThat(outcome).isEqualTo(new IvrOutcome(List.of(), IvrOutcome.Ending.RETRIES_EXHAUSTED));
        assertThat(call.hungUp()).isTrue();
        assertThat(listener.events).isEmpty();
    }

    @Test
    void silenceFallsBackToTheInvalidPromptAndZeroRetriesMeansOneTry() {
        IvrOutcome outcome = standard().retries(0).build().run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, SORRY, BYE);
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.RETRIES_EXHAUSTED);
    }

    @Test
    void aValidOptionResetsTheRetries() {
        call.press("9").press("2").press("9").press("9");
        IvrMenu menu = standard().retries(1).build();

        IvrOutcome outcome = menu.run(call, listener);

        // 9 (1st failure), 2 (valid: count reset), 9, 9 (2nd failure in a row > 1 retry) → goodbye
        assertThat(call.playedClips()).containsExactly(WELCOME, SORRY, WELCOME, HOURS, WELCOME, SORRY, WELCOME, SORRY,
                BYE);
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.RETRIES_EXHAUSTED);
    }

    @Test
    void silenceThenADigitIsARetryThenTheOption() {
        call.staysSilent().press("2").press("0");

        standard().build().run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, SORRY, WELCOME, HOURS, WELCOME);
    }

    @Test
    void callerHangingUpMidPromptEndsTheRunWithoutAnException() {
        call.hangUpWhenPlaying(WELCOME);

        IvrOutcome outcome = standard().build().run(call, listener);

        assertThat(outcome).isEqualTo(new IvrOutcome(List.of(), IvrOutcome.Ending.CALLER_HUNG_UP));
        assertThat(call.played()).containsExactly(new FakeCallSession.Played(WELCOME, true));
        assertThat(call.hungUp()).isFalse();
    }

    @Test
    void callerHangingUpAfterAnOptionKeepsThePath() {
        call.press("2").hangUpWhenPlaying(HOURS);

        IvrOutcome outcome = standard().build().run(call, listener);

        assertThat(outcome).isEqualTo(new IvrOutcome(List.of("2"), IvrOutcome.Ending.CALLER_HUNG_UP));
    }

    @Test
    void callerHangingUpDuringTheVoicemailGreetingEndsTheRunAsAHangUp() {
        call.press("1").hangUpWhenPlaying(GREETING);

        IvrOutcome outcome = standard().build().run(call, listener);

        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.CALLER_HUNG_UP);
        assertThat(listener.voicemails).isEmpty();
    }

    @Test
    void aCallAlreadyOverEndsAsAHangUp() {
        call.callerHangsUp();

        assertThat(standard().build().run(call, listener).ending()).isEqualTo(IvrOutcome.Ending.CALLER_HUNG_UP);
        assertThat(call.played()).isEmpty();
    }

    @Test
    void bargeInStopsThePromptAndCountsTheDigit() {
        call.press("2").press("0");

        standard().build().run(call, listener);

        assertThat(call.played()).containsExactly(
                new FakeCallSession.Played(WELCOME, true),
                new FakeCallSession.Played(HOURS, false),
                new FakeCallSession.Played(WELCOME, true));
    }

    @Test
    void promptPlaysToItsEndWithoutInput() {
        call.hangUpAfterPlays(1);

        standard().build().run(call, listener);

        assertThat(call.played()).containsExactly(new FakeCallSession.Played(WELCOME, false));
    }

    @Test
    void subMenuRunsAndBackReturnsToTheParent() {
        IvrMenu sales = IvrMenu.builder(SALES)
                .option("1", IvrAction.play(PRICES))
                .option("*", IvrAction.back())
                .build();
        IvrMenu menu = standard().option("3", IvrAction.subMenu(sales)).build();
        call.press("3").press("1").press("*").press("0");

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, SALES, PRICES, SALES, WELCOME);
        assertThat(outcome.path()).containsExactly("3", "1", "*", "0");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
    }

    @Test
    void subMenuRetriesExhaustedEndTheWholeCall() {
        IvrMenu sales = IvrMenu.builder(SALES).option("1", IvrAction.play(PRICES)).retries(0).goodbye(BYE).build();
        IvrMenu menu = standard().option("3", IvrAction.subMenu(sales)).build();
        call.press("3");

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, SALES, BYE);
        assertThat(outcome).isEqualTo(new IvrOutcome(List.of("3"), IvrOutcome.Ending.RETRIES_EXHAUSTED));
        assertThat(call.hungUp()).isTrue();
    }

    @Test
    void backInTheTopMenuRepeatsIt() {
        call.press("*").press("0");
        IvrMenu menu = standard().option("*", IvrAction.back()).build();

        menu.run(call, listener);

        assertThat(call.playedClips()).containsExactly(WELCOME, WELCOME);
    }

    @Test
    void notifyCanReturnToTheMenu() {
        call.press("0").press("2").hangUpAfterPlays(3);
        IvrMenu menu = IvrMenu.builder(WELCOME)
                .option("0", new IvrAction.Notify("operator", IvrAction.After.REPEAT_MENU))
                .option("2", IvrAction.play(HOURS))
                .build();

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(listener.events).containsExactly("option 0", "notify operator", "option 2");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.CALLER_HUNG_UP);
    }

    @Test
    void customActionRunsOnTheSessionThenHangsUp() {
        call.press("5");
        IvrMenu menu = IvrMenu.builder(WELCOME).option("5", IvrAction.custom(s -> s.sendDtmf("123"))).build();

        IvrOutcome outcome = menu.run(call, listener);

        assertThat(call.sentDtmf()).containsExactly("123");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
        assertThat(call.hungUp()).isTrue();
    }

    @Test
    void customActionFailureHangsUpAndPropagates() {
        call.press("5");
        IvrMenu menu = IvrMenu.builder(WELCOME).option("5", IvrAction.custom(s -> {
            throw new IllegalStateException("embedder bug");
        })).build();

        assertThatThrownBy(() -> menu.run(call, listener)).isInstanceOf(IllegalStateException.class)
                .hasMessage("embedder bug");
        assertThat(call.hungUp()).isTrue();
    }

    @Test
    void failingListenerDoesNotDropTheCall() {
        call.press("2").press("0");
        IvrListener broken = new IvrListener() {
            @Override
            public void onOption(String digit) {
                throw new IllegalStateException("listener bug");
            }
        };

        IvrOutcome outcome = standard().build().run(call, broken);

        assertThat(outcome.path()).containsExactly("2", "0");
        assertThat(outcome.ending()).isEqualTo(IvrOutcome.Ending.COMPLETED);
    }

    @Test
    void oneMenuServesConcurrentCalls() throws Exception {
        IvrMenu menu = standard().build();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<IvrOutcome> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            FakeCallSession session = new FakeCallSession().press("2").press("0");
            Thread t = new Thread(() -> outcomes.add(menu.run(session, IvrListener.NONE)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(outcomes).hasSize(8).allMatch(o -> o.path().equals(List.of("2", "0")));
    }

    @Test
    void outcomeToStringHidesTheDigits() {
        IvrOutcome outcome = new IvrOutcome(List.of("7", "3"), IvrOutcome.Ending.COMPLETED);
        assertThat(outcome.toString()).contains("options=2").doesNotContain("7").doesNotContain("3");
    }

    @Test
    void invalidMenusAreRefusedPrecisely() {
        IvrMenu.Builder b = IvrMenu.builder(WELCOME);
        assertThatThrownBy(() -> b.option("x", IvrAction.hangUp())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DTMF digit");
        assertThatThrownBy(() -> b.option("12", IvrAction.hangUp())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> b.option("a", IvrAction.hangUp())).isInstanceOf(IllegalArgumentException.class);
        b.option("1", IvrAction.hangUp());
        assertThatThrownBy(() -> b.option("1", IvrAction.play(HOURS))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate option");
        assertThatThrownBy(() -> b.retries(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retries must be 0 to 9");
        assertThatThrownBy(() -> b.retries(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.digitTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digit timeout must be positive");
        assertThatThrownBy(() -> b.digitTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IvrMenu.builder(WELCOME).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one option");
        assertThatThrownBy(() -> IvrAction.event("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IvrAction.event("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.retries(9).digitTimeout(Duration.ofSeconds(6)).build().retries()).isEqualTo(9);
    }

    @Test
    void defaultsAreTwoRetriesAndFiveSeconds() {
        IvrMenu menu = IvrMenu.builder(WELCOME).option("1", IvrAction.hangUp()).build();
        assertThat(menu.retries()).isEqualTo(2);
        assertThat(menu.digitTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(menu.toString()).contains("welcome").contains("options=1");
    }

    static AudioClip clip(String name, int level) {
        short[] samples = new short[80];
        java.util.Arrays.fill(samples, (short) (level * 100));
        return AudioClip.ofSamples(name, samples);
    }

    /** Records the listener calls in order. */
    private static final class RecordingListener implements IvrListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Voicemail> voicemails = new CopyOnWriteArrayList<>();

        @Override
        public void onOption(String digit) {
            events.add("option " + digit);
        }

        @Override
        public void onVoicemail(Voicemail voicemail) {
            events.add("voicemail");
            voicemails.add(voicemail);
        }

        @Override
        public void onNotify(String name) {
            events.add("notify " + name);
        }
    }
}
