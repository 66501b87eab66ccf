package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journaled hub's group commit on its own writer thread: what it could break. Ids under concurrent publishers,
 * "stored before sent", a crash between the commit and the fan-out, and a journal that fails to write.
 */
class JournalGroupCommitTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static List<Long> eventIds(RecordingSink sink) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : sink.json()) {
            if (message.has("id")) {
                ids.add(message.get("id").asLong());
            }
        }
        return ids;
    }

    @Test
    void concurrentPublishersGiveEveryClientAndTheJournalTheSameGaplessIncreasingIds() throws Exception {
        int publishers = 4;
        int each = 2_000;
        long total = (long) publishers * each;
        InMemoryEventJournal journal = new InMemoryEventJournal(100_000);
        try (EventBus bus = new EventBus();
             RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults().withQueueCapacity(20_000), journal)) {
            List<RecordingSink> sinks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RecordingSink sink = RecordingSink.writable("c" + i);
                sink.registerOn(hub, EventSelection.all(), View.REDACTED);
                sinks.add(sink);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                running.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        bus.publish(new CallRing(T));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> publisher : running) {
                publisher.get(60, TimeUnit.SECONDS);
            }
            List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
            for (RecordingSink sink : sinks) {
                await().atMost(TIMEOUT).until(() -> eventIds(sink).size() == total);
                assertThat(eventIds(sink)).containsExactlyElementsOf(expected);
                assertThat(sink.concurrentSends()).isZero();
            }
            List<Long> stored = new ArrayList<>();
            for (JournalEntry entry : journal.read(0, (int) total + 1, Set.of())) {
                stored.add(entry.id());
            }
            assertThat(stored).containsExactlyElementsOf(expected);
            assertThat(hub.lastId()).isEqualTo(total);
            assertThat(hub.journalFailures()).isZero();
        }
    }

    @Test
    void anEventReachesClientsOnlyOnceTheJournalHasStoredIt() throws Exception {
        GatedJournal journal = new GatedJournal(new InMemoryEventJournal(100), 1);
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), journal)) {
            RecordingSink sink = RecordingSink.writable("live");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            bus.publish(new CallRing(T)); // returns at once: the writer thread stores it
            assertThat(journal.entered.await(60, TimeUnit.SECONDS)).isTrue();
            // The writer is inside the append (stored, not yet returned): nothing may have gone out.
            assertThat(eventIds(sink)).isEmpty();
            assertThat(hub.lastId()).isZero();
            journal.release.countDown();
            await().atMost(TIMEOUT).until(() -> eventIds(sink).equals(List.of(1L)));
            assertThat(hub.lastId()).isEqualTo(1);
        }
    }

    @Test
    void eventsCommittedButNeverFannedOutBeforeACrashReachAClientThatResumesAfterTheRestart() throws Exception {
        InMemoryEventJournal storage = new InMemoryEventJournal(100);
        GatedJournal crashing = new GatedJournal(storage, 3); // the writer "dies" right after storing event 3
        EventBus before = new EventBus();
        RealtimeHub crashed = new RealtimeHub(before, RealtimeConfig.defaults(), crashing);
        RecordingSink old = RecordingSink.writable("before-crash");
        old.registerOn(crashed, EventSelection.all(), View.REDACTED);
        for (int i = 0; i < 3; i++) {
            before.publish(new CallRing(T));
        }
        assertThat(crashing.entered.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(storage.lastId()).isEqualTo(3);
        assertThat(eventIds(old)).doesNotContain(3L); // committed, never sent: the "crash" came first

        try (EventBus bus = new EventBus();
             RealtimeHub restarted = new RealtimeHub(bus, RealtimeConfig.defaults(), storage, Runnable::run)) {
            long seen = eventIds(old).isEmpty() ? 0 : eventIds(old).get(eventIds(old).size() - 1);
            RecordingSink resumed = RecordingSink.writable("after-restart");
            resumed.attach(restarted.register(resumed, EventSelection.all(), View.REDACTED, seen, Runnable::run));
            bus.publish(new CallRing(T));
            List<Long> expected = LongStream.rangeClosed(seen + 1, 4).boxed().toList();
            await().atMost(TIMEOUT).until(() -> eventIds(resumed).equals(expected));
        } finally {
            crashing.release.countDown();
            crashed.close();
            before.close();
        }
    }

    @Test
    void aJournalThatFailsToWriteStillFeedsLiveClientsAndCountsTheLostEvents() {
        InMemoryEventJournal storage = new InMemoryEventJournal(100);
        FailingWrites journal = new FailingWrites(storage);
        try (EventBus bus = new EventBus();
             RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), journal, Runnable::run)) {
            RecordingSink live = RecordingSink.writable("live");
            live.registerOn(hub, EventSelection.all(), View.REDACTED);
            journal.failing.set(true);
            bus.publish(new CallRing(T));
            bus.publish(new CallRing(T));
            journal.failing.set(false);
            bus.publish(new CallRing(T));

            assertThat(eventIds(live)).containsExactly(1L, 2L, 3L);
            assertThat(hub.journalFailures()).isEqualTo(2);
            // The documented hole: a client resuming from before the failure gets only what was stored.
            RecordingSink resumed = RecordingSink.writable("resumed");
            resumed.attach(hub.register(resumed, EventSelection.all(), View.REDACTED, 0, Runnable::run));
            assertThat(eventIds(resumed)).containsExactly(3L);
        }
    }

    @Test
    void aStreamWithinTheCommitIntervalIsOneBatchAndPublishersDoNotWakeTheWriterAgain() {
        InMemoryEventJournal journal = new InMemoryEventJournal(100);
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger wakeUps = new AtomicInteger();
        Executor counted = task -> {
            wakeUps.incrementAndGet();
            threads.execute(task);
        };
        // An interval far longer than the three publishes below take, so they land inside it.
        try (JournalWriter writer = new JournalWriter(journal, counted, batch -> batches.add(batchIds(batch)),
                new LongAdder(), TimeUnit.SECONDS.toNanos(5), 1_000)) {
            writer.publish(JournalGroupCommitTest::pending);
            await().atMost(TIMEOUT).until(() -> batches.size() == 1); // after a quiet spell: stored at once
            for (int i = 0; i < 3; i++) {
                writer.publish(JournalGroupCommitTest::pending);
            }
            await().atMost(TIMEOUT).until(() -> batches.size() == 2);
            assertThat(batches).containsExactly(List.of(1L), List.of(2L, 3L, 4L));
            assertThat(wakeUps).hasValue(1); // the writer was still scheduled: it woke on its own timer
            assertThat(journal.lastId()).isEqualTo(4);
        }
    }

    private static JournalWriter.Pending pending(long id) {
        EncodedMessage message = EncodedMessage.ofText("{\"id\":" + id + "}");
        return new JournalWriter.Pending(id, EventNames.supported().indexOf(EventNames.CALL_RING), message, message,
                new JournalEntry(id, EventNames.CALL_RING, T, message, message));
    }

    private static List<Long> batchIds(List<JournalWriter.Pending> batch) {
        List<Long> ids = new ArrayList<>();
        batch.forEach(pending -> ids.add(pending.id()));
        return ids;
    }

    @Test
    void aClientThatKeepsUpBetweenCommitsLosesNothingWhenEventsQueuedUpBehindASlowCommit() throws Exception {
        // Queue 16: a committed batch may hold 8. The client's transport takes 9 messages per commit (it writes out
        // while the next one is stored), so it keeps up with batches of 8; one batch of 40 would overflow it.
        RecordingSink sink = RecordingSink.stalled("keeps-up");
        DrainingJournal journal = new DrainingJournal(new InMemoryEventJournal(1_000), sink, 9);
        try (EventBus bus = new EventBus();
             RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults().withQueueCapacity(16), journal)) {
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            bus.publish(new CallRing(T));
            assertThat(journal.firstEntered.await(60, TimeUnit.SECONDS)).isTrue(); // the "slow" first commit
            for (int i = 0; i < 40; i++) {
                bus.publish(new CallRing(T)); // queue up behind it
            }
            journal.releaseFirst.countDown();

            List<Long> expected = LongStream.rangeClosed(1, 41).boxed().toList();
            await().atMost(TIMEOUT).until(() -> hub.lastId() == expected.size()); // all offered to the client
            assertThat(hub.eventsDropped()).isZero();
            assertThat(eventIds(sink)).containsExactlyElementsOf(expected);
            assertThat(journal.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
        }
    }

    /**
     * Holds the writer inside the first append until released, and lets {@code sink}'s transport take {@code perCommit}
     * more messages at every append, as a client's event loop writes out while the next batch is stored.
     */
    private static final class DrainingJournal extends ForwardingJournal {
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private final RecordingSink sink;
        private final int perCommit;

        DrainingJournal(EventJournal delegate, RecordingSink sink, int perCommit) {
            super(delegate);
            this.sink = sink;
            this.perCommit = perCommit;
        }

        @Override
        public void appendAll(List<JournalEntry> entries) {
            delegate.appendAll(entries);
            batchSizes.add(entries.size());
            if (firstEntered.getCount() > 0) {
                firstEntered.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            sink.grant(perCommit);
        }
    }

    /** Stores through its delegate, then holds the writer inside the append of {@code holdAt} until released. */
    private static final class GatedJournal extends ForwardingJournal {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final long holdAt;

        GatedJournal(EventJournal delegate, long holdAt) {
            super(delegate);
            this.holdAt = holdAt;
        }

        @Override
        public void appendAll(List<JournalEntry> entries) {
            delegate.appendAll(entries);
            if (entries.get(entries.size() - 1).id() >= holdAt) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Fails every append while {@link #failing} is set (a full disk), and stores nothing then. */
    private static final class FailingWrites extends ForwardingJournal {
        final AtomicBoolean failing = new AtomicBoolean();

        FailingWrites(EventJournal delegate) {
            super(delegate);
        }

        @Override
        public void appendAll(List<JournalEntry> entries) {
            if (failing.get()) {
                throw new IllegalStateException("disk full");
            }
            delegate.appendAll(entries);
        }
    }
}
