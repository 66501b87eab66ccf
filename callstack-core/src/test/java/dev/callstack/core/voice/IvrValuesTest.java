package dev.callstack.core.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure value checks; behaviour on a call is tested in callstack-testkit with FakeCallSession. */
class IvrValuesTest {
    private static final AudioClip PROMPT = AudioClip.silence(Duration.ofMillis(10));

    @Test
    void eventNamesAreShortIdentifiers() {
        assertThat(IvrAction.event("operator.sales-2_x")).isEqualTo(
                new IvrAction.Notify("operator.sales-2_x", IvrAction.After.HANG_UP));
        assertThatThrownBy(() -> IvrAction.event("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> IvrAction.event("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IvrAction.event("op\nerator")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoriesSayWhatHappensNext() {
        assertThat(IvrAction.play(PROMPT)).isEqualTo(new IvrAction.Play(PROMPT, IvrAction.After.REPEAT_MENU));
        assertThat(IvrAction.playThenHangUp(PROMPT)).isEqualTo(new IvrAction.Play(PROMPT, IvrAction.After.HANG_UP));
        assertThat(IvrAction.custom(s -> { })).isInstanceOfSatisfying(IvrAction.Custom.class,
                c -> assertThat(c.after()).isEqualTo(IvrAction.After.HANG_UP));
    }

    @Test
    void outcomePathIsACopy() {
        List<String> path = new ArrayList<>(List.of("1"));
        IvrOutcome outcome = new IvrOutcome(path, IvrOutcome.Ending.COMPLETED);
        path.add("2");
        assertThat(outcome.path()).containsExactly("1");
        assertThatThrownBy(() -> outcome.path().add("3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void optionsKeepTheirOrderAndCannotBeChanged() {
        IvrMenu menu = IvrMenu.builder(PROMPT).option("9", IvrAction.hangUp()).option("1", IvrAction.back())
                .option("#", IvrAction.hangUp()).build();
        assertThat(menu.options().keySet()).containsExactly("9", "1", "#");
        assertThat(menu.option("1")).contains(IvrAction.back());
        assertThat(menu.option("2")).isEmpty();
        assertThatThrownBy(() -> menu.options().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tonesStayBelowNyquist() {
        assertThatThrownBy(() -> Tones.sine("t", 4000, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Tones.sine("t", 440, Duration.ofMillis(10)).sampleCount()).isEqualTo(80);
    }
}
