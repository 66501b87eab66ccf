package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.EventBus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The seam between a resuming client's replay and its live stream, with the journal reads run by hand and the
 * journal writes on the publishing thread: events published while a page is being read reach the client once, after
 * the stored ones, in id order.
 */
class ResumeReplayTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    /** Runs journal reads only when the test says so, so publishes can be placed between them. */
    private static final class ManualExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        /** Runs queued reads (and any they queue) until none is left; returns how many ran. */
        int runAll() {
            int ran = 0;
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                }
                if (next == null) {
                    return ran;
                }
                next.run();
                ran++;
            }
        }
    }

    private static List<String> typesAndIds(RecordingSink sink) {
        List<String> out = new ArrayList<>();
        for (JsonNode message : sink.json()) {
            out.add(message.has("id") ? message.get("type").asText() + "#" + message.get("id").asLong()
                    : message.get("type").asText());
        }
        return out;
    }

    @Test
    void eventsPublishedWhileThePageIsReadComeOnceAfterTheStoredOnes() {
        InMemoryEventJournal journal = new InMemoryEventJournal(10_000);
        ManualExecutor reads = new ManualExecutor();
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), journal,
                Runnable::run)) {
            for (int i = 0; i < 3; i++) {
                bus.publish(new CallRing(T));
            }
            RecordingSink sink = RecordingSink.writable("resumed");
            sink.attach(hub.register(sink, EventSelection.all(), View.REDACTED, 1, reads));
            bus.publish(new CallRing(T)); // id 4: live, while the replay has not read anything yet
            assertThat(typesAndIds(sink)).containsExactly("hello");
            assertThat(sink.json().get(0).get("last_id").asLong()).isEqualTo(3);

            reads.runAll();
            bus.publish(new CallRing(T)); // id 5: live, after the replay
            assertThat(typesAndIds(sink)).containsExactly("hello", "call.ring#2", "call.ring#3", "call.ring#4",
                    "call.ring#5");
        }
    }

    @Test
    void aLongReplayIsReadInPagesAndFiltered() {
        InMemoryEventJournal journal = new InMemoryEventJournal(10_000);
        ManualExecutor reads = new ManualExecutor();
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), journal,
                Runnable::run)) {
            int stored = Replay.PAGE * 2 + 7;
            for (int i = 1; i <= stored; i++) {
                bus.publish(i % 2 == 0 ? new CallRing(T) : new CallerId(T, "+15550100100"));
            }
            RecordingSink sink = RecordingSink.writable("filtered");
            sink.attach(hub.register(sink, EventSelection.parse("call.ring"), View.REDACTED, 0, reads));
            assertThat(reads.runAll()).as("journal reads").isGreaterThan(1);
            List<JsonNode> messages = sink.json();
            assertThat(messages).hasSize(1 + stored / 2);
            for (int i = 1; i < messages.size(); i++) {
                assertThat(messages.get(i).get("type").asText()).isEqualTo("call.ring");
                assertThat(messages.get(i).get("id").asLong()).isEqualTo(2L * i);
            }
        }
    }

    @Test
    void liveEventsBeyondTheQueueDuringAReplayAreDroppedOldestFirstAndReported() {
        InMemoryEventJournal journal = new InMemoryEventJournal(10_000);
        ManualExecutor reads = new ManualExecutor();
        RealtimeConfig config = RealtimeConfig.defaults().withQueueCapacity(2);
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, config, journal, Runnable::run)) {
            bus.publish(new CallRing(T));
            RecordingSink sink = RecordingSink.writable("small");
            sink.attach(hub.register(sink, EventSelection.all(), View.REDACTED, 0, reads));
            for (int i = 0; i < 4; i++) {
                bus.publish(new CallRing(T)); // ids 2-5; the queue keeps 4 and 5
            }
            reads.runAll();
            assertThat(typesAndIds(sink)).containsExactly("hello", "call.ring#1", "overflow", "call.ring#4",
                    "call.ring#5");
        }
    }

    @Test
    void aCursorOlderThanTheJournalGetsResyncFirst() {
        InMemoryEventJournal journal = new InMemoryEventJournal(3);
        ManualExecutor reads = new ManualExecutor();
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), journal,
                Runnable::run)) {
            for (int i = 0; i < 6; i++) {
                bus.publish(new CallRing(T));
            }
            RecordingSink sink = RecordingSink.writable("old");
            sink.attach(hub.register(sink, EventSelection.all(), View.REDACTED, 1, reads));
            reads.runAll();
            assertThat(typesAndIds(sink)).containsExactly("hello", "resync", "call.ring#4", "call.ring#5",
                    "call.ring#6");
            assertThat(sink.json().get(1).get("oldest").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aJournalThatFailsToReadClosesTheClientRatherThanLeaveAHole() {
        InMemoryEventJournal journal = new InMemoryEventJournal(10);
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(),
                new FailingReads(journal), Runnable::run)) {
            bus.publish(new CallRing(T));
            RecordingSink sink = RecordingSink.writable("broken");
            ClientHandle handle = hub.register(sink, EventSelection.all(), View.REDACTED, 0, Runnable::run);
            sink.attach(handle);
            assertThat(typesAndIds(sink)).containsExactly("hello");
            assertThat(sink.closeCode()).isEqualTo(1011);
            assertThat(handle.isOpen()).isFalse();
        }
    }

    /** A journal whose reads fail (a store gone bad). */
    private static final class FailingReads extends ForwardingJournal {
        FailingReads(EventJournal delegate) {
            super(delegate);
        }

        @Override
        public List<JournalEntry> read(long afterId, int limit, Set<String> names) {
            throw new IllegalStateException("disk gone");
        }
    }
}
