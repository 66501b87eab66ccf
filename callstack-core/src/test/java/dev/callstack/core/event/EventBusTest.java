package dev.callstack.core.event;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.testlog.CapturedLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class EventBusTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Every bus and executor a test creates, closed after it so no thread outlives the test. */
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    private EventBus newBus() {
        EventBus bus = new EventBus();
        cleanup.add(bus);
        return bus;
    }

    private EventBus newBus(EventBus.ErrorHandler errors) {
        EventBus bus = new EventBus(errors);
        cleanup.add(bus);
        return bus;
    }

    private ExecutorService newPool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        cleanup.add(() -> {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(WAIT.toSeconds(), SECONDS)).isTrue();
        });
        return pool;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }

    /** An SMS whose sender names the publisher and whose body is its sequence number. */
    private static SmsReceived sms(String publisher, long sequence) {
        return new SmsReceived(T, publisher, Long.toString(sequence), null, 1, null);
    }

    private static SmsReceived sms(long sequence) {
        return sms("P", sequence);
    }

    private static List<Long> ids(List<SmsReceived> received) {
        return received.stream().map(sms -> Long.parseLong(sms.body())).toList();
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A handler that parks on its first event until released, so everything after it queues up. */
    private final class StallingHandler implements Consumer<SmsReceived> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<SmsReceived> received = new CopyOnWriteArrayList<>();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        StallingHandler() {
            // Registered first, so it runs before the buses close: a failed test never leaves a parked thread.
            cleanup.add(0, release::countDown);
        }

        @Override
        public void accept(SmsReceived event) {
            threads.add(Thread.currentThread());
            received.add(event);
            if (received.size() == 1) {
                entered.countDown();
                awaitLatch(release);
            }
        }
    }

    @Nested
    class Concurrency {
        @Test
        void manyPublishersAndSubscribersLoseNothingAndKeepPerPublisherOrder() throws Exception {
            int publishers = 4;
            int perPublisher = 2_000;
            int total = publishers * perPublisher;
            EventBus bus = newBus();

            List<Queue<SmsReceived>> buffered = new ArrayList<>();
            List<Subscription> bufferedSubscriptions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Queue<SmsReceived> received = new ConcurrentLinkedQueue<>();
                buffered.add(received);
                bufferedSubscriptions.add(bus.subscribe(SmsReceived.class, received::add, Delivery.buffered(total)));
            }
            List<Queue<SmsReceived>> inline = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Queue<SmsReceived> received = new ConcurrentLinkedQueue<>();
                inline.add(received);
                bus.subscribe(SmsReceived.class, received::add, Delivery.inline());
            }
            EventStream<SmsReceived> stream = bus.stream(SmsReceived.class, total);

            ExecutorService pool = newPool(publishers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                String name = "P" + p;
                running.add(pool.submit(() -> {
                    awaitLatch(start);
                    for (long seq = 1; seq <= perPublisher; seq++) {
                        bus.publish(sms(name, seq));
                    }
                }));
            }
            start.countDown();
            for (Future<?> publisher : running) {
                publisher.get(WAIT.toSeconds(), SECONDS);
            }

            List<SmsReceived> streamed = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                SmsReceived next = stream.poll(WAIT);
                assertThat(next).as("stream event %d", i).isNotNull();
                streamed.add(next);
            }
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(buffered).allSatisfy(received -> assertThat(received).hasSize(total)));

            List<List<SmsReceived>> everySubscriber = new ArrayList<>();
            buffered.forEach(received -> everySubscriber.add(List.copyOf(received)));
            inline.forEach(received -> everySubscriber.add(List.copyOf(received)));
            everySubscriber.add(streamed);
            for (List<SmsReceived> received : everySubscriber) {
                assertThat(received).hasSize(total);
                Map<String, List<SmsReceived>> byPublisher = received.stream()
                        .collect(Collectors.groupingBy(SmsReceived::sender));
                assertThat(byPublisher).hasSize(publishers);
                byPublisher.values().forEach(events -> assertThat(ids(events)).isEqualTo(range(1, perPublisher)));
            }
            assertThat(bufferedSubscriptions).allSatisfy(s -> assertThat(s.dropped()).isZero());
            assertThat(stream.dropped()).isZero();
        }

        @Test
        void aBufferedHandlerIsNeverCalledConcurrently() throws Exception {
            EventBus bus = newBus();
            AtomicInteger inHandler = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger calls = new AtomicInteger();
            bus.subscribe(SmsReceived.class, event -> {
                if (inHandler.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                calls.incrementAndGet();
                inHandler.decrementAndGet();
            }, Delivery.buffered(10_000));

            ExecutorService pool = newPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                String name = "P" + p;
                running.add(pool.submit(() -> {
                    for (long seq = 1; seq <= 1_000; seq++) {
                        bus.publish(sms(name, seq));
                    }
                }));
            }
            for (Future<?> publisher : running) {
                publisher.get(WAIT.toSeconds(), SECONDS);
            }

            await().atMost(WAIT).until(() -> calls.get() == 4_000);
            assertThat(overlaps).hasValue(0);
        }
    }

    @Nested
    class Overflow {
        @Test
        void stalledSubscriberDropsTheOldestAndCountsEveryDropExactly() {
            int capacity = 8;
            int published = 100;
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            Subscription subscription = bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(capacity));

            // Event 0 is taken out of the buffer and is in the handler: it can no longer be dropped.
            bus.publish(sms(0));
            awaitLatch(stalled.entered);
            for (long seq = 1; seq <= published; seq++) {
                bus.publish(sms(seq));
            }

            assertThat(subscription.dropped()).isEqualTo(published - capacity);
            stalled.release.countDown();
            await().atMost(WAIT).untilAsserted(() -> assertThat(stalled.received).hasSize(1 + capacity));
            assertThat(ids(stalled.received))
                    .containsExactlyElementsOf(concat(List.of(0L), range(published - capacity + 1, published)));
            assertThat(stalled.received.size() - 1 + subscription.dropped()).isEqualTo(published);
        }

        @Test
        void dropsAreCountedExactlyUnderConcurrentPublishers() throws Exception {
            int capacity = 16;
            int publishers = 4;
            int perPublisher = 250;
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            Subscription subscription = bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(capacity));
            bus.publish(sms("first", 1));
            awaitLatch(stalled.entered);

            ExecutorService pool = newPool(publishers);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                String name = "P" + p;
                running.add(pool.submit(() -> {
                    for (long seq = 1; seq <= perPublisher; seq++) {
                        bus.publish(sms(name, seq));
                    }
                }));
            }
            for (Future<?> publisher : running) {
                publisher.get(WAIT.toSeconds(), SECONDS);
            }

            int total = publishers * perPublisher;
            assertThat(subscription.dropped()).isEqualTo(total - capacity);
            stalled.release.countDown();
            await().atMost(WAIT).untilAsserted(() -> assertThat(stalled.received).hasSize(1 + capacity));
            List<SmsReceived> kept = stalled.received.subList(1, stalled.received.size());
            kept.stream().collect(Collectors.groupingBy(SmsReceived::sender)).values()
                    .forEach(events -> assertThat(ids(events)).isSorted().doesNotHaveDuplicates());
        }

        @Test
        void publishNeverBlocksWhileABufferedSubscriberIsStalled() throws Exception {
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(4));
            bus.publish(sms(0));
            awaitLatch(stalled.entered);

            ExecutorService pool = newPool(1);
            Future<?> publishing = pool.submit(() -> {
                for (long seq = 1; seq <= 10_000; seq++) {
                    bus.publish(sms(seq));
                }
            });

            publishing.get(WAIT.toSeconds(), SECONDS);
            assertThat(stalled.release.getCount()).as("still stalled when publishing finished").isEqualTo(1);
            assertThat(stalled.received).hasSize(1);
        }

        @Test
        void aStalledSubscriberDoesNotDelayOthers() {
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(4));
            List<SmsReceived> fast = new CopyOnWriteArrayList<>();
            bus.subscribe(SmsReceived.class, fast::add, Delivery.buffered(1_000));

            // The stalled handler is parked on event 1 before the rest is published, so the fast subscriber is
            // measured against a subscriber that really is stalled (its dispatcher thread may start late).
            bus.publish(sms(1));
            awaitLatch(stalled.entered);
            for (long seq = 2; seq <= 500; seq++) {
                bus.publish(sms(seq));
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(fast).hasSize(500));
            assertThat(ids(fast)).isEqualTo(range(1, 500));
            assertThat(stalled.release.getCount()).isEqualTo(1);
            assertThat(stalled.received).hasSize(1);
        }

        @Test
        void capacityOneKeepsOnlyTheNewest() {
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            Subscription subscription = bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(1));
            bus.publish(sms(0));
            awaitLatch(stalled.entered);

            for (long seq = 1; seq <= 5; seq++) {
                bus.publish(sms(seq));
            }
            stalled.release.countDown();

            await().atMost(WAIT).untilAsserted(() -> assertThat(ids(stalled.received)).containsExactly(0L, 5L));
            assertThat(subscription.dropped()).isEqualTo(4);
        }

        private static List<Long> concat(List<Long> first, List<Long> second) {
            List<Long> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    @Nested
    class FailingSubscribers {
        record Failure(ModemEvent event, Throwable error) {
        }

        @Test
        void aThrowingSubscriberIsReportedAndOthersStillGetEverything() {
            Queue<Failure> failures = new ConcurrentLinkedQueue<>();
            EventBus bus = newBus((event, error) -> failures.add(new Failure(event, error)));
            RuntimeException boom = new IllegalStateException("boom");
            AtomicInteger bufferedCalls = new AtomicInteger();
            AtomicInteger inlineCalls = new AtomicInteger();
            bus.subscribe(SmsReceived.class, event -> {
                bufferedCalls.incrementAndGet();
                throw boom;
            });
            bus.subscribe(SmsReceived.class, event -> {
                inlineCalls.incrementAndGet();
                throw boom;
            }, Delivery.inline());
            List<SmsReceived> healthyBuffered = new CopyOnWriteArrayList<>();
            List<SmsReceived> healthyInline = new CopyOnWriteArrayList<>();
            bus.subscribe(SmsReceived.class, healthyBuffered::add);
            bus.subscribe(SmsReceived.class, healthyInline::add, Delivery.inline());

            List<SmsReceived> published = new ArrayList<>();
            for (long seq = 1; seq <= 100; seq++) {
                SmsReceived event = sms(seq);
                published.add(event);
                assertThatCode(() -> bus.publish(event)).doesNotThrowAnyException();
            }

            assertThat(healthyInline).containsExactlyElementsOf(published);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(healthyBuffered).containsExactlyElementsOf(published);
                assertThat(failures).hasSize(200);
            });
            assertThat(bufferedCalls).hasValue(100);
            assertThat(inlineCalls).hasValue(100);
            assertThat(failures).allSatisfy(failure -> assertThat(failure.error()).isSameAs(boom));
            assertThat(failures).extracting(Failure::event).isSubsetOf(published);
            assertThat(failures.stream().map(Failure::event).distinct()).hasSize(100);
        }

        @Test
        void aThrowingErrorHandlerDoesNotBreakPublishOrDispatch() {
            EventBus bus = newBus((event, error) -> {
                throw new IllegalStateException("error handler failed");
            });
            bus.subscribe(SmsReceived.class, event -> {
                throw new IllegalArgumentException();
            }, Delivery.inline());
            bus.subscribe(SmsReceived.class, event -> {
                throw new IllegalArgumentException();
            });
            List<SmsReceived> healthy = new CopyOnWriteArrayList<>();
            bus.subscribe(SmsReceived.class, healthy::add);

            for (long seq = 1; seq <= 10; seq++) {
                SmsReceived event = sms(seq);
                assertThatCode(() -> bus.publish(event)).doesNotThrowAnyException();
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(ids(healthy)).isEqualTo(range(1, 10)));
        }

        @Test
        void defaultErrorHandlerLogsTheEventTypeAndExceptionClassButNeverTheMessage() {
            CapturedLogs.clear();
            EventBus bus = newBus();
            bus.subscribe(SmsReceived.class, event -> {
                throw new PrivateDataException("failed for " + event.sender() + ": " + event.body());
            }, Delivery.inline());

            bus.publish(new SmsReceived(T, "+15550100100", "my secret body", null, 1, null));

            List<CapturedLogs.Entry> logged = CapturedLogs.of(EventBus.class).stream()
                    .filter(entry -> entry.message().contains(PrivateDataException.class.getSimpleName()))
                    .toList();
            assertThat(logged).singleElement().satisfies(entry -> {
                assertThat(entry.level()).isEqualTo(Level.WARN);
                assertThat(entry.message()).contains("SmsReceived", PrivateDataException.class.getName())
                        .doesNotContain("5550100100", "0100", "secret", "failed for");
                assertThat(entry.throwable()).as("no stack trace: its message carries PII").isNull();
            });
        }
    }

    /** A handler failure whose message carries what must never be logged. */
    static final class PrivateDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PrivateDataException(String message) {
            super(message);
        }
    }

    @Nested
    class Threads {
        @Test
        void inlineHandlersRunOnThePublishingThreadAndNeverDrop() {
            EventBus bus = newBus();
            List<Thread> threads = new ArrayList<>();
            List<SmsReceived> received = new ArrayList<>();
            Subscription subscription = bus.subscribe(SmsReceived.class, event -> {
                threads.add(Thread.currentThread());
                received.add(event);
            }, Delivery.inline());

            for (long seq = 1; seq <= 10_000; seq++) {
                bus.publish(sms(seq));
            }

            assertThat(ids(received)).isEqualTo(range(1, 10_000));
            assertThat(threads).containsOnly(Thread.currentThread());
            assertThat(subscription.dropped()).isZero();
        }

        @Test
        void bufferedHandlersRunOnADaemonDispatcherThread() {
            EventBus bus = newBus();
            AtomicReference<Thread> thread = new AtomicReference<>();
            bus.subscribe(SmsReceived.class, event -> thread.set(Thread.currentThread()));

            bus.publish(sms(1));

            await().atMost(WAIT).until(() -> thread.get() != null);
            assertThat(thread.get()).isNotSameAs(Thread.currentThread());
            assertThat(thread.get().getName()).startsWith("callstack-events-");
            assertThat(thread.get().isDaemon()).isTrue();
        }

        @Test
        void closingTheBusStopsEveryDispatcherThread() {
            EventBus bus = newBus();
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger received = new AtomicInteger();
            List<Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                subscriptions.add(bus.subscribe(SmsReceived.class, event -> {
                    threads.add(Thread.currentThread());
                    received.incrementAndGet();
                }));
            }
            for (long seq = 1; seq <= 100; seq++) {
                bus.publish(sms(seq));
            }
            await().atMost(WAIT).until(() -> received.get() == 400);
            assertThat(threads).isNotEmpty();

            bus.close();

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(threads).noneMatch(Thread::isAlive);
                assertThat(Thread.getAllStackTraces().keySet())
                        .noneMatch(t -> t.getName().startsWith("callstack-events-"));
            });
            assertThat(subscriptions).noneMatch(Subscription::isActive);
            assertThat(bus.subscriberCount()).isZero();
        }

        @Test
        void closingTheBusWhileAHandlerIsStalledStopsItsThreadOnceTheHandlerReturns() {
            EventBus bus = newBus();
            StallingHandler stalled = new StallingHandler();
            bus.subscribe(SmsReceived.class, stalled, Delivery.buffered(8));
            bus.publish(sms(0));
            awaitLatch(stalled.entered);
            bus.publish(sms(1));

            bus.close();
            stalled.release.countDown();

            await().atMost(WAIT).untilAsserted(() -> assertThat(stalled.threads).noneMatch(Thread::isAlive));
            assertThat(ids(stalled.received)).as("the queued event is discarded on close").containsExactly(0L);
        }
    }

    @Nested
    class Unsubscribing {
        @Test
        void anInlineHandlerThatClosesItsOwnSubscriptionGetsNothingMore() {
            EventBus bus = newBus();
            AtomicReference<Subscription> self = new AtomicReference<>();
            List<SmsReceived> received = new ArrayList<>();
            List<SmsReceived> other = new ArrayList<>();
            self.set(bus.subscribe(SmsReceived.class, event -> {
                received.add(event);
                self.get().close();
            }, Delivery.inline()));
            bus.subscribe(SmsReceived.class, other::add, Delivery.inline());

            for (long seq = 1; seq <= 10; seq++) {
                bus.publish(sms(seq));
            }

            assertThat(ids(received)).containsExactly(1L);
            assertThat(ids(other)).isEqualTo(range(1, 10));
            assertThat(self.get().isActive()).isFalse();
            assertThat(bus.subscriberCount()).isEqualTo(1);
        }

        @Test
        void aBufferedHandlerThatClosesItsOwnSubscriptionGetsNothingMoreEvenWithEventsQueued() {
            EventBus bus = newBus();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            cleanup.add(0, release::countDown);
            AtomicReference<Subscription> self = new AtomicReference<>();
            List<SmsReceived> received = new CopyOnWriteArrayList<>();
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            self.set(bus.subscribe(SmsReceived.class, event -> {
                threads.add(Thread.currentThread());
                received.add(event);
                entered.countDown();
                awaitLatch(release);
                self.get().close();
            }, Delivery.buffered(100)));
            bus.publish(sms(1));
            awaitLatch(entered);
            for (long seq = 2; seq <= 50; seq++) {
                bus.publish(sms(seq));
            }

            release.countDown();
            await().atMost(WAIT).until(() -> !self.get().isActive());
            // Once the dispatcher thread is gone, nothing can deliver to the handler any more.
            bus.close();
            await().atMost(WAIT).untilAsserted(() -> assertThat(threads).noneMatch(Thread::isAlive));

            assertThat(ids(received)).containsExactly(1L);
            assertThat(self.get().dropped()).isZero();
        }

        @Test
        void closedSubscriptionReceivesNothingAndClosingTwiceIsHarmless() {
            EventBus bus = newBus();
            List<SmsReceived> received = new ArrayList<>();
            Subscription subscription = bus.subscribe(SmsReceived.class, received::add, Delivery.inline());
            Subscription other = bus.subscribe(ModemEvent.class, event -> { }, Delivery.inline());
            assertThat(bus.subscriberCount()).isEqualTo(2);

            subscription.close();
            subscription.close();
            bus.publish(sms(1));

            assertThat(received).isEmpty();
            assertThat(subscription.isActive()).isFalse();
            assertThat(other.isActive()).isTrue();
            assertThat(bus.subscriberCount()).isEqualTo(1);
        }

        @Test
        void closingTheBusTwiceIsHarmlessAndLaterUseReachesNobody() {
            EventBus bus = newBus();
            List<ModemEvent> received = new ArrayList<>();
            Subscription before = bus.subscribe(ModemEvent.class, received::add, Delivery.inline());

            bus.close();
            bus.close();
            Subscription after = bus.subscribe(ModemEvent.class, received::add, Delivery.inline());
            Subscription afterBuffered = bus.subscribe(ModemEvent.class, received::add);
            bus.publish(sms(1));

            assertThat(received).isEmpty();
            assertThat(before.isActive()).isFalse();
            assertThat(after.isActive()).isFalse();
            assertThat(afterBuffered.isActive()).isFalse();
            assertThat(bus.subscriberCount()).isZero();
        }

        @Test
        void subscribingWhileTheBusClosesNeverLeavesAnActiveSubscription() throws Exception {
            ExecutorService pool = newPool(2);
            for (int round = 0; round < 300; round++) {
                EventBus bus = newBus();
                CountDownLatch start = new CountDownLatch(1);
                Future<EventStream<SmsReceived>> subscribing = pool.submit(() -> {
                    start.await();
                    return bus.stream(SmsReceived.class, 4);
                });
                Future<?> closing = pool.submit(() -> {
                    start.await();
                    bus.close();
                    return null;
                });
                start.countDown();
                closing.get(WAIT.toSeconds(), SECONDS);
                EventStream<SmsReceived> stream = subscribing.get(WAIT.toSeconds(), SECONDS);

                assertThat(((Subscription) stream).isActive()).as("round %d", round).isFalse();
                assertThat(bus.subscriberCount()).as("round %d", round).isZero();
            }
        }
    }

    @Nested
    class Matching {
        @Test
        void subscribersGetTheirTypeAndItsSubtypesOnly() {
            EventBus bus = newBus();
            List<ModemEvent> all = new ArrayList<>();
            List<SmsReceived> sms = new ArrayList<>();
            List<SignalQuality> signals = new ArrayList<>();
            bus.subscribe(ModemEvent.class, all::add, Delivery.inline());
            bus.subscribe(SmsReceived.class, sms::add, Delivery.inline());
            bus.subscribe(SignalQuality.class, signals::add, Delivery.inline());
            List<ModemEvent> published = List.of(sms(1), new SignalQuality(T, 10, 0), new CallRing(T),
                    new ModemConnected(T), sms(2), new UssdResponse(T, 0, null, -1));

            published.forEach(bus::publish);

            assertThat(all).containsExactlyElementsOf(published);
            assertThat(ids(sms)).containsExactly(1L, 2L);
            assertThat(signals).containsExactly(new SignalQuality(T, 10, 0));
        }

        @Test
        void bufferedRootSubscriberGetsEverythingInPublishOrder() {
            EventBus bus = newBus();
            List<ModemEvent> all = new CopyOnWriteArrayList<>();
            bus.subscribe(ModemEvent.class, all::add);
            List<ModemEvent> published = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                published.add(i % 3 == 0 ? new SignalQuality(T, i % 32, 99) : sms(i + 1));
            }

            published.forEach(bus::publish);

            await().atMost(WAIT).untilAsserted(() -> assertThat(all).containsExactlyElementsOf(published));
        }

        @Test
        void argumentsAreChecked() {
            EventBus bus = newBus();

            assertThatNullPointerException().isThrownBy(() -> bus.subscribe(null, event -> { }));
            assertThatNullPointerException().isThrownBy(() -> bus.subscribe(SmsReceived.class, null));
            assertThatNullPointerException()
                    .isThrownBy(() -> bus.subscribe(SmsReceived.class, event -> { }, null));
            assertThatNullPointerException().isThrownBy(() -> bus.publish(null));
            assertThatNullPointerException().isThrownBy(() -> bus.stream(null, 1));
            assertThatNullPointerException().isThrownBy(() -> new EventBus(null));
            assertThat(bus.subscriberCount()).isZero();
        }
    }
}
