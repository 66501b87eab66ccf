package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealtimeHubTest {
    private static final Instant T = Instant.parse("2026-11-26T19:44:39Z");

    private final EventBus bus = new EventBus();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @AfterEach
    void closeBus() {
        bus.close();
    }

    private RealtimeHub hub(RealtimeConfig config) {
        return new RealtimeHub(bus, config, clock::get);
    }

    private static ModemEvent ring(int n) {
        return new CallRing(T.plusSeconds(n));
    }

    private static List<String> types(RecordingSink sink) {
        return sink.json().stream().map(m -> m.get("type").asText()).toList();
    }

    @Test
    void helloIsSentOnRegistrationBeforeAnyEvent() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink sink = RecordingSink.writable("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);

            assertThat(types(sink)).containsExactly("hello");
            bus.publish(ring(1));
            assertThat(types(sink)).containsExactly("hello", "call.ring");
        }
    }

    @Test
    void helloWaitsForAStalledSinkAndIsNeverDropped() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(1))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            for (int i = 1; i <= 5; i++) {
                bus.publish(ring(i));
            }
            assertThat(sink.messageCount()).isZero();

            sink.resume();

            List<JsonNode> received = sink.json();
            assertThat(types(sink)).containsExactly("hello", "overflow", "call.ring");
            assertThat(received.get(1).get("dropped").asLong()).isEqualTo(4);
            assertThat(received.get(2).get("id").asLong()).isEqualTo(5);
        }
    }

    @Test
    void hubSubscribesToTheBusOnceAndLeavesOnClose() {
        RealtimeHub hub = hub(RealtimeConfig.defaults());
        for (int i = 0; i < 10; i++) {
            RecordingSink.writable("c" + i).registerOn(hub, EventSelection.all(), View.REDACTED);
        }
        assertThat(bus.subscriberCount()).isEqualTo(1);
        assertThat(hub.clientCount()).isEqualTo(10);

        hub.close();

        assertThat(bus.subscriberCount()).isZero();
        assertThat(hub.clientCount()).isZero();
    }

    @Test
    void idsAreSharedByAllClientsAndIncreasePerPublishedEvent() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink rings = RecordingSink.writable("rings");
            RecordingSink signal = RecordingSink.writable("signal");
            RecordingSink everything = RecordingSink.writable("all");
            rings.registerOn(hub, EventSelection.parse("call.ring"), View.REDACTED);
            signal.registerOn(hub, EventSelection.parse("signal.quality"), View.CONTENT);
            everything.registerOn(hub, EventSelection.all(), View.CONTENT);

            bus.publish(ring(1));
            bus.publish(new SignalQuality(T, 10, 0));
            bus.publish(ring(2));

            assertThat(ReceivedStream.of(rings).eventIds()).containsExactly(1L, 3L);
            assertThat(ReceivedStream.of(signal).eventIds()).containsExactly(2L);
            assertThat(ReceivedStream.of(everything).eventIds()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void eachEventIsEncodedOncePerViewAndTheBytesAreShared() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            List<RecordingSink> redacted = new ArrayList<>();
            List<RecordingSink> content = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RecordingSink r = RecordingSink.writable("r" + i);
                r.registerOn(hub, EventSelection.all(), View.REDACTED);
                redacted.add(r);
                RecordingSink c = RecordingSink.writable("c" + i);
                c.registerOn(hub, EventSelection.all(), View.CONTENT);
                content.add(c);
            }

            bus.publish(new SmsReceived(T, "+15550100100", "hello", null, 1, null));

            byte[] redactedBytes = redacted.get(0).messages().get(1).utf8();
            byte[] contentBytes = content.get(0).messages().get(1).utf8();
            assertThat(redacted).allSatisfy(s -> assertThat(s.messages().get(1).utf8()).isSameAs(redactedBytes));
            assertThat(content).allSatisfy(s -> assertThat(s.messages().get(1).utf8()).isSameAs(contentBytes));
            assertThat(new String(redactedBytes, java.nio.charset.StandardCharsets.UTF_8)).contains("[redacted]");
            assertThat(new String(contentBytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\"hello\"");
        }
    }

    @Test
    void stalledClientWithCapacityFourGetsOneOverflowOfSixThenTheLastFourEvents() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(4))) {
            RecordingSink sink = RecordingSink.writable("c1");
            ClientHandle handle = sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            sink.stall();

            for (int i = 1; i <= 10; i++) {
                bus.publish(ring(i));
            }
            assertThat(handle.dropped()).isEqualTo(6);
            assertThat(types(sink)).containsExactly("hello");

            sink.resume();

            assertThat(sink.texts()).hasSize(6);
            assertThat(sink.texts().get(1)).isEqualTo("{\"type\":\"overflow\",\"version\":1,\"dropped\":6}");
            assertThat(ReceivedStream.of(sink).eventIds()).containsExactly(7L, 8L, 9L, 10L);
            assertThat(hub.eventsDropped()).isEqualTo(6);
            assertThat(hub.eventsSent()).isEqualTo(4);
        }
    }

    @Test
    void overflowReportsOnlyTheDropsSinceThePreviousNotice() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(2))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            sink.grant(1); // hello only
            for (int i = 1; i <= 5; i++) {
                bus.publish(ring(i)); // queue [4,5], 3 dropped
            }
            sink.grant(1); // overflow 3 + event 4 (the notice rides with the event)
            for (int i = 6; i <= 8; i++) {
                bus.publish(ring(i)); // queue [5,6,7,8] → [7,8], 2 more dropped
            }
            sink.resume();

            assertThat(types(sink)).containsExactly("hello", "overflow", "call.ring", "overflow", "call.ring",
                    "call.ring");
            ReceivedStream stream = ReceivedStream.of(sink);
            assertThat(stream.eventIds()).containsExactly(4L, 7L, 8L);
            assertThat(sink.json().get(1).get("dropped").asLong()).isEqualTo(3);
            assertThat(sink.json().get(3).get("dropped").asLong()).isEqualTo(2);
            assertThat(stream.accountedFor()).isEqualTo(8);
        }
    }

    @Test
    void noOverflowNoticeWhenNothingWasDropped() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(4))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            for (int i = 1; i <= 4; i++) {
                bus.publish(ring(i));
            }
            sink.resume();

            assertThat(types(sink)).containsExactly("hello", "call.ring", "call.ring", "call.ring", "call.ring");
        }
    }

    @Test
    void unselectedEventsNeitherQueueNorCountAsDropped() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(2))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            ClientHandle handle = sink.registerOn(hub, EventSelection.parse("call.caller_id"), View.REDACTED);
            for (int i = 1; i <= 10; i++) {
                bus.publish(ring(i));
            }
            bus.publish(new CallerId(T, "+15550100100"));
            sink.resume();

            assertThat(handle.dropped()).isZero();
            assertThat(ReceivedStream.of(sink).eventIds()).containsExactly(11L);
        }
    }

    @Test
    void clientDroppingMoreThanTheLimitIsClosedAsSlowConsumer() {
        RealtimeConfig config = new RealtimeConfig(2, 3, null);
        try (RealtimeHub hub = hub(config)) {
            RecordingSink slow = RecordingSink.stalled("slow");
            RecordingSink fast = RecordingSink.writable("fast");
            ClientHandle handle = slow.registerOn(hub, EventSelection.all(), View.REDACTED);
            fast.registerOn(hub, EventSelection.all(), View.REDACTED);

            for (int i = 1; i <= 5; i++) {
                bus.publish(ring(i)); // 3 dropped: at the limit, still open
            }
            assertThat(slow.closeCalls()).isZero();
            bus.publish(ring(6)); // 4th drop: over the limit

            assertThat(slow.closeCalls()).isEqualTo(1);
            assertThat(slow.closeCode()).isEqualTo(4008);
            assertThat(slow.closeReason()).isEqualTo("slow consumer");
            assertThat(handle.isOpen()).isFalse();
            assertThat(handle.isReleased()).isTrue();
            assertThat(hub.clientCount()).isEqualTo(1);
            bus.publish(ring(7));
            assertThat(ReceivedStream.of(fast).eventIds()).hasSize(7);
        }
    }

    @Test
    void clientFullForLongerThanTheLimitIsClosedWhenTheNextEventArrives() {
        RealtimeConfig config = new RealtimeConfig(2, 0, Duration.ofSeconds(5));
        try (RealtimeHub hub = hub(config)) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            bus.publish(ring(1));
            bus.publish(ring(2)); // full from now
            clock.addAndGet(Duration.ofSeconds(5).toNanos());
            bus.publish(ring(3)); // full for exactly 5 s: not longer
            assertThat(sink.closeCalls()).isZero();

            clock.addAndGet(1);
            bus.publish(ring(4));

            assertThat(sink.closeCode()).isEqualTo(4008);
            assertThat(sink.closeReason()).isEqualTo("slow consumer");
            assertThat(hub.clientCount()).isZero();
        }
    }

    @Test
    void drainingResetsTheFullTimer() {
        RealtimeConfig config = new RealtimeConfig(2, 0, Duration.ofSeconds(5));
        try (RealtimeHub hub = hub(config)) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            bus.publish(ring(1));
            bus.publish(ring(2)); // full
            clock.addAndGet(Duration.ofSeconds(4).toNanos());
            sink.grant(2); // hello + one event: no longer full
            bus.publish(ring(3)); // full again, timer restarts
            clock.addAndGet(Duration.ofSeconds(4).toNanos());
            bus.publish(ring(4)); // full for 4 s only

            assertThat(sink.closeCalls()).isZero();
            assertThat(hub.clientCount()).isEqualTo(1);
        }
    }

    @Test
    void hugeFullTimeLimitMeansNever() {
        try (RealtimeHub hub = hub(new RealtimeConfig(1, 0, Duration.ofSeconds(Long.MAX_VALUE)))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            for (int i = 1; i <= 3; i++) {
                clock.addAndGet(Duration.ofDays(30_000).toNanos());
                bus.publish(ring(i));
            }
            assertThat(sink.closeCalls()).isZero();
            assertThat(hub.eventsDropped()).isEqualTo(2);
        }
    }

    @Test
    void slowConsumerRulesAreOffByDefault() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults().withQueueCapacity(1))) {
            RecordingSink sink = RecordingSink.stalled("c1");
            sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            for (int i = 1; i <= 1000; i++) {
                clock.addAndGet(Duration.ofHours(1).toNanos());
                bus.publish(ring(i));
            }
            assertThat(sink.closeCalls()).isZero();
            assertThat(hub.eventsDropped()).isEqualTo(999);
        }
    }

    @Test
    void closingTheHubClosesEveryClientWith1001() {
        RealtimeHub hub = hub(RealtimeConfig.defaults());
        RecordingSink a = RecordingSink.writable("a");
        RecordingSink b = RecordingSink.stalled("b");
        ClientHandle handleA = a.registerOn(hub, EventSelection.all(), View.REDACTED);
        b.registerOn(hub, EventSelection.all(), View.CONTENT);
        bus.publish(ring(1));

        hub.close();
        hub.close();

        assertThat(List.of(a, b)).allSatisfy(sink -> {
            assertThat(sink.closeCalls()).isEqualTo(1);
            assertThat(sink.closeCode()).isEqualTo(1001);
            assertThat(sink.closeReason()).isEqualTo("server shutting down");
        });
        assertThat(handleA.isOpen()).isFalse();
        bus.publish(ring(2));
        assertThat(a.messageCount()).isEqualTo(2);
        assertThat(b.messageCount()).isZero();
    }

    @Test
    void registeringAfterCloseClosesTheSinkAtOnce() {
        RealtimeHub hub = hub(RealtimeConfig.defaults());
        hub.close();
        RecordingSink sink = RecordingSink.writable("late");

        ClientHandle handle = sink.registerOn(hub, EventSelection.all(), View.REDACTED);

        assertThat(handle.isOpen()).isFalse();
        assertThat(sink.closeCode()).isEqualTo(1001);
        assertThat(sink.messageCount()).isZero();
        assertThat(hub.clientCount()).isZero();
    }

    @Test
    void transportCloseReleasesTheClientAndIsIdempotent() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink sink = RecordingSink.stalled("c1");
            ClientHandle handle = sink.registerOn(hub, EventSelection.all(), View.REDACTED);
            bus.publish(ring(1));
            assertThat(handle.pending()).isEqualTo(2);

            handle.close();
            handle.close();

            assertThat(hub.clientCount()).isZero();
            assertThat(handle.isReleased()).isTrue();
            assertThat(handle.pending()).isZero();
            assertThat(sink.closeCalls()).as("the transport closed it; the hub does not close back").isZero();
            sink.resume();
            bus.publish(ring(2));
            assertThat(sink.messageCount()).isZero();
        }
    }

    @Test
    void failingSinkIsClosedWithoutHurtingOthersOrThePublisher() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink good = RecordingSink.writable("good");
            FailingSink bad = new FailingSink();
            hub.register(bad, EventSelection.all(), View.REDACTED);
            good.registerOn(hub, EventSelection.all(), View.REDACTED);

            bus.publish(ring(1));
            bus.publish(ring(2));

            assertThat(bad.closeCode).isEqualTo(1011);
            assertThat(hub.clientCount()).isEqualTo(1);
            assertThat(ReceivedStream.of(good).eventIds()).containsExactly(1L, 2L);
        }
    }

    @Test
    void sinkMayCloseItsHandleFromInsideSend() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink other = RecordingSink.writable("other");
            ClosingSink closing = new ClosingSink();
            closing.handle = hub.register(closing, EventSelection.all(), View.REDACTED);
            other.registerOn(hub, EventSelection.all(), View.REDACTED);

            bus.publish(ring(1));
            bus.publish(ring(2));

            assertThat(closing.sends).isEqualTo(2); // hello, then the event during which it closed
            assertThat(hub.clientCount()).isEqualTo(1);
            assertThat(ReceivedStream.of(other).eventIds()).containsExactly(1L, 2L);
        }
    }

    @Test
    void eventThatCannotBeEncodedIsCountedAsDroppedForEveryAffectedClient() {
        RealtimeHub.EventEncoding contentFailsForFirstEvent = (id, event, view) -> {
            if (id == 1 && view == View.CONTENT) {
                throw new IllegalStateException("boom");
            }
            return new dev.callstack.realtime.internal.EnvelopeEncoder().event(id, event, view);
        };
        try (RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults(), clock::get, contentFailsForFirstEvent)) {
            RecordingSink redacted = RecordingSink.writable("redacted");
            RecordingSink content = RecordingSink.writable("content");
            redacted.registerOn(hub, EventSelection.all(), View.REDACTED);
            ClientHandle contentHandle = content.registerOn(hub, EventSelection.all(), View.CONTENT);

            bus.publish(ring(1));
            bus.publish(ring(2));

            assertThat(ReceivedStream.of(redacted).eventIds()).containsExactly(1L, 2L);
            assertThat(types(content)).containsExactly("hello", "overflow", "call.ring");
            ReceivedStream stream = ReceivedStream.of(content);
            assertThat(stream.eventIds()).containsExactly(2L);
            assertThat(stream.accountedFor()).isEqualTo(2);
            assertThat(contentHandle.dropped()).isEqualTo(1);
            assertThat(hub.eventsDropped()).isEqualTo(1);
        }
    }

    @Test
    void sinkTurningWritableJustBeforeAnEventIsQueuedStillGetsIt() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RacingSink sink = new RacingSink(true);
            sink.handle = hub.register(sink, EventSelection.all(), View.REDACTED);
            sink.writable = false;
            sink.raceArmed = true; // the next isWritable() answers false, then the transport flips and reports

            bus.publish(ring(1));

            assertThat(sink.sent).containsExactly("hello", "call.ring");
        }
    }

    @Test
    void writabilityReportedWhileADrainIsDecidingIsNotMissed() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RacingSink sink = new RacingSink(false);
            sink.handle = hub.register(sink, EventSelection.all(), View.REDACTED);
            assertThat(sink.sent).isEmpty();
            sink.raceArmed = true;

            sink.handle.writabilityChanged(); // spurious; the drain sees "not writable" while the flip is reported

            assertThat(sink.sent).containsExactly("hello");
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        try (RealtimeHub hub = hub(RealtimeConfig.defaults())) {
            RecordingSink sink = RecordingSink.writable("c");
            assertThatThrownBy(() -> hub.register(null, EventSelection.all(), View.REDACTED))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> hub.register(sink, null, View.REDACTED)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> hub.register(sink, EventSelection.all(), null))
                    .isInstanceOf(NullPointerException.class);
            assertThat(hub.clientCount()).isZero();
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThat(RealtimeConfig.defaults()).isEqualTo(new RealtimeConfig(256, 0, null));
        assertThatThrownBy(() -> new RealtimeConfig(0, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RealtimeConfig(1, -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RealtimeConfig(1, 0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A transport that, once armed, answers one isWritable() with false and then, before returning, becomes writable
     * and reports it: the narrowest window of the writability race, made deterministic on one thread.
     */
    private static final class RacingSink implements ClientSink {
        private final List<String> sent = new ArrayList<>();
        private volatile ClientHandle handle;
        private volatile boolean writable;
        private volatile boolean raceArmed;

        RacingSink(boolean writable) {
            this.writable = writable;
        }

        @Override
        public String connectionId() {
            return "racing";
        }

        @Override
        public void send(EncodedMessage message) {
            sent.add(RecordingSink.parse(message).get("type").asText());
        }

        @Override
        public boolean isWritable() {
            if (raceArmed) {
                raceArmed = false;
                writable = true;
                handle.writabilityChanged();
                return false;
            }
            return writable;
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    /** A transport whose writes blow up (after the hello). */
    private static final class FailingSink implements ClientSink {
        private int sends;
        private volatile int closeCode;

        @Override
        public String connectionId() {
            return "bad";
        }

        @Override
        public void send(EncodedMessage message) {
            if (sends++ > 0) {
                throw new IllegalStateException("channel closed");
            }
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
        }
    }

    /** A transport that notices its connection went away while writing, and tells the hub from inside send. */
    private static final class ClosingSink implements ClientSink {
        private volatile ClientHandle handle;
        private int sends;

        @Override
        public String connectionId() {
            return "closing";
        }

        @Override
        public void send(EncodedMessage message) {
            if (++sends == 2) {
                handle.close();
            }
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void close(int code, String reason) {
        }
    }
}
