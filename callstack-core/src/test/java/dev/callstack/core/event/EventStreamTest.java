package dev.callstack.core.event;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration NONE = Duration.ZERO;

    private final EventBus bus = new EventBus();

    @AfterEach
    void closeBus() {
        bus.close();
    }

    private static SmsReceived sms(long sequence) {
        return new SmsReceived(T, "P", "body", null, 1, sequence);
    }

    @Test
    void pollReturnsEventsInPublishOrderThenNullWhenEmpty() throws InterruptedException {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 10);
        bus.publish(sms(1));
        bus.publish(sms(2));

        assertThat(stream.poll(NONE).messageId()).isEqualTo(1L);
        assertThat(stream.poll(NONE).messageId()).isEqualTo(2L);
        assertThat(stream.poll(NONE)).isNull();
        assertThat(stream.poll(Duration.ofMillis(20))).isNull();
        assertThat(stream.poll(Duration.ofSeconds(-1))).isNull();
    }

    @Test
    void onlyEventsOfTheStreamsTypeAreQueued() throws InterruptedException {
        EventStream<SignalQuality> stream = bus.stream(SignalQuality.class, 10);
        bus.publish(sms(1));
        bus.publish(new SignalQuality(T, 5, 0));

        assertThat(stream.poll(NONE)).isEqualTo(new SignalQuality(T, 5, 0));
        assertThat(stream.poll(NONE)).isNull();
    }

    @Test
    void fullStreamDropsTheOldestAndCountsExactly() throws InterruptedException {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);

        for (long seq = 1; seq <= 10; seq++) {
            bus.publish(sms(seq));
        }

        assertThat(stream.dropped()).isEqualTo(7);
        assertThat(stream.poll(NONE).messageId()).isEqualTo(8L);
        assertThat(stream.poll(NONE).messageId()).isEqualTo(9L);
        assertThat(stream.poll(NONE).messageId()).isEqualTo(10L);
        assertThat(stream.poll(NONE)).isNull();
        assertThat(stream.dropped()).isEqualTo(7);
    }

    @Test
    void aWaitingPollGetsTheNextPublishedEvent() throws Exception {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<SmsReceived> polled = pollOnNewThread(stream, poller);
        awaitWaiting(poller);

        bus.publish(sms(42));

        assertThat(polled.get(WAIT.toSeconds(), SECONDS).messageId()).isEqualTo(42L);
    }

    @Test
    void closeWakesAWaitingPoll() throws Exception {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<SmsReceived> polled = pollOnNewThread(stream, poller);
        awaitWaiting(poller);

        stream.close();

        assertThat(polled.get(WAIT.toSeconds(), SECONDS)).isNull();
    }

    @Test
    void closingTheBusWakesAWaitingPoll() throws Exception {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<SmsReceived> polled = pollOnNewThread(stream, poller);
        awaitWaiting(poller);

        bus.close();

        assertThat(polled.get(WAIT.toSeconds(), SECONDS)).isNull();
    }

    @Test
    void closedStreamDiscardsQueuedEventsStopsQueuingAndUnregisters() throws InterruptedException {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        bus.publish(sms(1));
        assertThat(bus.subscriberCount()).isEqualTo(1);

        stream.close();
        stream.close();
        bus.publish(sms(2));

        assertThat(stream.poll(NONE)).isNull();
        assertThat(stream.poll(Duration.ofSeconds(5))).as("returns at once when closed").isNull();
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void streamOnAClosedBusIsClosed() throws InterruptedException {
        bus.close();
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        bus.publish(sms(1));

        assertThat(stream.poll(Duration.ofSeconds(5))).isNull();
    }

    @Test
    void hugeTimeoutsAreAcceptedRatherThanOverflowing() throws Exception {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        bus.publish(sms(1));

        assertThat(stream.poll(Duration.ofSeconds(Long.MAX_VALUE)).messageId()).isEqualTo(1L);
        assertThat(stream.poll(Duration.ofSeconds(Long.MIN_VALUE))).isNull();

        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<SmsReceived> polled = pollOnNewThread(stream, Duration.ofSeconds(Long.MAX_VALUE), poller);
        awaitWaiting(poller);
        bus.publish(sms(2));

        assertThat(polled.get(WAIT.toSeconds(), SECONDS).messageId()).isEqualTo(2L);
    }

    @Test
    void interruptedPollThrows() {
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 3);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> stream.poll(WAIT)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> bus.stream(SmsReceived.class, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bus.subscriberCount()).isZero();
        EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, 1);
        assertThatNullPointerException().isThrownBy(() -> stream.poll(null));
    }

    private static CompletableFuture<SmsReceived> pollOnNewThread(EventStream<SmsReceived> stream,
                                                                   AtomicReference<Thread> poller) {
        return pollOnNewThread(stream, Duration.ofMinutes(1), poller);
    }

    private static CompletableFuture<SmsReceived> pollOnNewThread(EventStream<SmsReceived> stream, Duration timeout,
                                                                   AtomicReference<Thread> poller) {
        CompletableFuture<SmsReceived> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(stream.poll(timeout));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "stream-poller");
        thread.setDaemon(true);
        poller.set(thread);
        thread.start();
        return result;
    }

    /** Waits until the poller is parked inside poll, so the test exercises the wake-up and not a lucky race. */
    private static void awaitWaiting(AtomicReference<Thread> poller) {
        await().atMost(WAIT).until(() -> poller.get().getState() == Thread.State.TIMED_WAITING);
    }
}
