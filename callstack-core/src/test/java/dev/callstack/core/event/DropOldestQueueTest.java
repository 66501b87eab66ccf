package dev.callstack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropOldestQueueTest {

    @Test
    void fullQueueDropsTheOldestAndCountsEachDrop() {
        DropOldestQueue<Integer> queue = new DropOldestQueue<>(2);
        for (int i = 1; i <= 5; i++) {
            queue.add(i);
        }

        assertThat(queue.dropped()).isEqualTo(3);
        assertThat(queue.poll()).isEqualTo(4);
        assertThat(queue.poll()).isEqualTo(5);
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void clearingIsNotCountedAsDropping() {
        DropOldestQueue<Integer> queue = new DropOldestQueue<>(3);
        queue.add(1);
        queue.add(2);

        queue.clear();

        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new DropOldestQueue<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
