package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputBudgetTest {

    @Test
    void reservesUpToTheBudgetExactly() {
        InputBudget budget = new InputBudget(100);

        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.reserve(40)).isTrue();

        assertThat(budget.pending()).isEqualTo(100);
        assertThat(budget.peak()).isEqualTo(100);
        assertThat(budget.floods()).isZero();
    }

    @Test
    void reservationBeyondTheBudgetIsRefusedCountedAndNotCharged() {
        InputBudget budget = new InputBudget(100);
        budget.reserve(90);

        assertThat(budget.reserve(11)).isFalse();

        assertThat(budget.pending()).isEqualTo(90);
        assertThat(budget.peak()).isEqualTo(90);
        assertThat(budget.floods()).isEqualTo(1);
    }

    @Test
    void releasedBytesMakeRoomAgainWhileThePeakStays() {
        InputBudget budget = new InputBudget(100);
        budget.reserve(80);
        budget.release(80);

        assertThat(budget.reserve(100)).isTrue();
        budget.release(100);

        assertThat(budget.pending()).isZero();
        assertThat(budget.peak()).isEqualTo(100);
    }

    @Test
    void defaultIsOneMebibyte() {
        assertThat(InputBudget.DEFAULT_MAX_BYTES).isEqualTo(1024 * 1024);
    }

    @Test
    void budgetMustBePositive() {
        assertThatThrownBy(() -> new InputBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
