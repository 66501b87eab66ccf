package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's invariants under real concurrency. Outcomes are checked, never timings. */
class RealtimeHubConcurrencyTest {
    private static final Instant T = Instant.parse("2026-11-26T19:44:39Z");
    private static final long TIMEOUT_SECONDS = 60;

    private final EventBus bus = new EventBus();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopEverything() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        bus.close();
    }

    /** Events 0, 3, 6, ... are SMS, 1, 4, ... rings, 2, 5, ... signal readings. */
    private static ModemEvent event(int n) {
        return switch (n % 3) {
            case 0 -> new SmsReceived(T, "+15550100100", "body " + n, null, 1, null);
            case 1 -> new CallRing(T);
            default -> new SignalQuality(T, n % 32, 0);
        };
    }

    @Test
    void floodWithStalledSlowAndFastClientsLosesNothingSilently() throws Exception {
        int publishers = 2;
        int eventsPerPublisher = 8_000;
        try (RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults().withQueueCapacity(16))) {
            List<RecordingSink> fast = new ArrayList<>();
            List<RecordingSink> slow = new ArrayList<>();
            List<RecordingSink> stalled = new ArrayList<>();
            List<ClientHandle> handles = new ArrayList<>();
            EventSelection rings = EventSelection.parse("call.ring");
            EventSelection smsAndSignal = EventSelection.parse("signal.quality,sms.received");
            EventSelection[] selections = {EventSelection.all(), rings, smsAndSignal};
            for (int i = 0; i < 3; i++) {
                View view = i % 2 == 0 ? View.REDACTED : View.CONTENT;
                RecordingSink f = RecordingSink.writable("fast-" + i);
                RecordingSink s = RecordingSink.stalled("slow-" + i);
                RecordingSink st = RecordingSink.stalled("stalled-" + i);
                handles.add(f.registerOn(hub, selections[i], view));
                handles.add(s.registerOn(hub, selections[i], view));
                handles.add(st.registerOn(hub, selections[i], view));
                fast.add(f);
                slow.add(s);
                stalled.add(st);
            }

            AtomicBoolean publishing = new AtomicBoolean(true);
            CountDownLatch start = new CountDownLatch(1);
            Future<?> transport = threads.submit(() -> {
                Random random = new Random(42);
                start.await();
                while (publishing.get()) {
                    for (RecordingSink sink : slow) {
                        sink.grant(1 + random.nextInt(3));
                    }
                    Thread.onSpinWait();
                }
                return null;
            });
            List<Future<?>> publishing_ = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int offset = p;
                publishing_.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < eventsPerPublisher; i++) {
                        bus.publish(event(i * publishers + offset));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> publisher : publishing_) {
                publisher.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            publishing.set(false);
            transport.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(stalled).allSatisfy(sink -> assertThat(sink.messageCount()).isZero());
            slow.forEach(RecordingSink::resume);
            stalled.forEach(RecordingSink::resume);

            int total = publishers * eventsPerPublisher;
            long[] publishedPerSelection = {total, total / 3, total - total / 3};
            long sent = 0;
            long dropped = 0;
            for (int i = 0; i < 3; i++) {
                for (RecordingSink sink : List.of(fast.get(i), slow.get(i), stalled.get(i))) {
                    ReceivedStream stream = ReceivedStream.of(sink);
                    assertThat(stream.accountedFor()).as("events + dropped for %s", sink.connectionId())
                            .isEqualTo(publishedPerSelection[i]);
                    assertThat(sink.concurrentSends()).isZero();
                    sent += stream.eventIds().size();
                    dropped += stream.reportedDrops();
                }
                assertThat(ReceivedStream.of(fast.get(i)).reportedDrops()).isZero();
                if (i == 0) {
                    for (RecordingSink sink : List.of(fast.get(0), slow.get(0), stalled.get(0))) {
                        ReceivedStream.assertEveryGapIsReported(sink);
                    }
                }
                assertThat(ReceivedStream.of(stalled.get(i)).eventIds()).hasSize(16);
            }
            assertThat(handles).allSatisfy(h -> assertThat(h.pending()).isZero());
            assertThat(hub.eventsSent()).isEqualTo(sent);
            assertThat(hub.eventsDropped()).isEqualTo(dropped);
            assertThat(handles.stream().mapToLong(ClientHandle::dropped).sum()).isEqualTo(dropped);
        }
    }

    @Test
    void hundredClientsWithOneStalledTheOthersReceiveEveryEventInOrder() {
        int events = 1_000;
        try (RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults())) {
            RecordingSink stalled = RecordingSink.stalled("stalled");
            ClientHandle stalledHandle = stalled.registerOn(hub, EventSelection.all(), View.REDACTED);
            List<RecordingSink> others = new ArrayList<>();
            for (int i = 0; i < 99; i++) {
                RecordingSink sink = RecordingSink.writable("c" + i);
                sink.registerOn(hub, EventSelection.all(), i % 2 == 0 ? View.REDACTED : View.CONTENT);
                others.add(sink);
            }

            for (int i = 0; i < events; i++) {
                bus.publish(event(i));
                assertThat(stalledHandle.pending()).isLessThanOrEqualTo(1 + 256);
            }

            List<Long> everyId = LongStream.rangeClosed(1, events).boxed().toList();
            assertThat(others).allSatisfy(sink -> {
                ReceivedStream stream = ReceivedStream.of(sink);
                assertThat(stream.eventIds()).isEqualTo(everyId);
                assertThat(stream.overflowNotices()).isZero();
            });
            assertThat(stalled.messageCount()).isZero();

            stalled.resume();

            ReceivedStream stream = ReceivedStream.of(stalled);
            assertThat(stream.overflowNotices()).isEqualTo(1);
            assertThat(stream.reportedDrops()).isEqualTo(events - 256);
            assertThat(stream.eventIds()).isEqualTo(everyId.subList(events - 256, events));
        }
    }

    @Test
    void concurrentRegisterAndUnregisterWhilePublishingAtFullRateLeavesNothingBehind() throws Exception {
        RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults().withQueueCapacity(8));
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        Future<?> publisher = threads.submit(() -> {
            int n = 0;
            while (publishing.get()) {
                bus.publish(event(n++));
                published.incrementAndGet();
            }
            return null;
        });
        int churners = 2;
        int clientsPerChurner = 200;
        List<Future<List<Churned>>> churning = new ArrayList<>();
        for (int c = 0; c < churners; c++) {
            int seed = c;
            churning.add(threads.submit(() -> churn(hub, seed, clientsPerChurner)));
        }
        List<Churned> all = new ArrayList<>();
        for (Future<List<Churned>> churner : churning) {
            all.addAll(churner.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        publishing.set(false);
        publisher.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(published.get()).isPositive();
        assertThat(hub.clientCount()).isZero();
        assertThat(hub.clientsSnapshot()).isEmpty();
        assertThat(bus.subscriberCount()).isEqualTo(1);
        assertThat(all).hasSize(churners * clientsPerChurner).allSatisfy(churned -> {
            assertThat(churned.handle.isOpen()).isFalse();
            assertThat(churned.handle.isReleased()).isTrue();
            assertThat(churned.handle.pending()).isZero();
            assertThat(churned.sink.concurrentSends()).isZero();
            ReceivedStream.of(churned.sink);
            if (churned.alwaysWritable) {
                assertThat(churned.sink.messageCount()).as("hello at least").isPositive();
                // It selected everything, so its ids are consecutive except where an overflow notice accounts for
                // the gap. (It can overflow: its drain may run on the registering thread, which a busy machine can
                // deschedule while the publisher keeps offering.)
                ReceivedStream.assertEveryGapIsReported(churned.sink);
            }
        });

        List<Integer> counts = all.stream().map(c -> c.sink.messageCount()).toList();
        bus.publish(event(0));
        assertThat(all.stream().map(c -> c.sink.messageCount()).toList()).isEqualTo(counts);

        hub.close();
        assertThat(bus.subscriberCount()).isZero();
    }

    private record Churned(RecordingSink sink, ClientHandle handle, boolean alwaysWritable) {
    }

    private static List<Churned> churn(RealtimeHub hub, int seed, int clients) {
        Random random = new Random(seed);
        List<Churned> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String id = "churn-" + seed + "-" + i;
            int mode = random.nextInt(3);
            RecordingSink sink = mode == 0 ? RecordingSink.writable(id) : RecordingSink.stalled(id);
            EventSelection selection = mode == 0 ? EventSelection.all() : EventSelection.parse("call.ring,sms.received");
            ClientHandle handle = sink.registerOn(hub, selection, random.nextBoolean() ? View.REDACTED : View.CONTENT);
            if (mode == 1) {
                sink.grant(1 + random.nextInt(20));
            }
            // Let the publisher reach this client a few times before it goes away.
            long seen = hub.eventsSent() + hub.eventsDropped();
            while (hub.eventsSent() + hub.eventsDropped() < seen + 3) {
                Thread.onSpinWait();
            }
            handle.close();
            done.add(new Churned(sink, handle, mode == 0));
        }
        return done;
    }
}
