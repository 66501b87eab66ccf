package dev.callstack.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A publisher can pass {@code offer()}'s active check and then lose the CPU while the subscription closes; these
 * tests replay that interleaving deterministically by calling {@code accept} after {@code close}.
 */
class CloseRaceTest {
    private static final CallRing RING = new CallRing(Instant.parse("2026-11-26T12:00:00Z"));

    private final EventBus bus = new EventBus();

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void streamClosedWhileAnEventIsOfferedReturnsNothingAfterClose() throws InterruptedException {
        StreamSubscriber<ModemEvent> stream = (StreamSubscriber<ModemEvent>) bus.stream(ModemEvent.class, 4);

        stream.close();
        stream.accept(RING);

        assertThat(stream.poll(Duration.ZERO)).isNull();
        assertThat(stream.dropped()).isZero();
    }

    @Test
    void bufferedSubscriberClosedWhileAnEventIsOfferedSchedulesNoDrainAndKeepsNothing() {
        List<Runnable> scheduled = new ArrayList<>();
        List<ModemEvent> handled = new ArrayList<>();
        BufferedSubscriber<ModemEvent> subscriber = new BufferedSubscriber<>(bus, ModemEvent.class, handled::add,
                (event, error) -> { }, 4, scheduled::add);

        subscriber.close();
        subscriber.accept(RING);

        assertThat(scheduled).isEmpty();
        assertThat(handled).isEmpty();
    }
}
