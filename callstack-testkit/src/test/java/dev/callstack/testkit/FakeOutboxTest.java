package dev.callstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsSent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOutboxTest {
    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
    private static final PhoneNumber ALICE = PhoneNumber.of("+15550100100");
    private static final PhoneNumber BOB = PhoneNumber.of("+15550100200");

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final FakeModem modem = new FakeModem(clock);
    private final FakeOutbox outbox = modem.outbox();
    private final List<ModemEvent> events = new CopyOnWriteArrayList<>();

    FakeOutboxTest() {
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
    }

    @AfterEach
    void closeModem() {
        modem.close();
    }

    private static OutboxRequest request(PhoneNumber to, String body, String key) {
        return new OutboxRequest(OutgoingSms.of(to, body), null, OutboxRequest.DEFAULT_TTL, OutboxPriority.NORMAL,
                false, key);
    }

    @Test
    void theModemHasOneOutbox() {
        assertThat(modem.outbox()).isSameAs(outbox);
    }

    @Test
    void enqueueCommitsThenSendsThroughTheSmsFake() {
        modem.nextSendSucceeds(42);

        OutboxReceipt receipt = outbox.enqueue(OutboxRequest.of(OutgoingSms.of(ALICE, "hello")));

        assertThat(receipt.replayed()).isFalse();
        assertThat(receipt.entry().messageId()).isEqualTo(1);
        assertThat(receipt.entry().status()).isEqualTo(OutboxStatus.QUEUED);
        OutboxEntry now = outbox.find(1).orElseThrow();
        assertThat(now.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(now.parts()).containsExactly(new OutboxPart(1, 42, DeliveryStatus.PENDING));
        assertThat(now.attempts()).isEqualTo(1);
        assertThat(now.sentAt()).isEqualTo(START);
        assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("hello");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new SmsQueued(START, ALICE.value(), 1, 1));
        SmsSent sent = (SmsSent) events.get(1);
        assertThat(sent.messageId()).isEqualTo(1L);
        assertThat(sent.references()).containsExactly(42);
        assertThat(outbox.awaitFinal(1)).isCompletedWithValue(now);
    }

    @Test
    void aHeldOutboxKeepsMessagesQueuedUntilReleasedHighPriorityFirst() {
        outbox.hold();
        outbox.enqueue(request(ALICE, "bulk", null));
        OutboxRequest urgent = new OutboxRequest(OutgoingSms.of(BOB, "code 1234"), null, OutboxRequest.DEFAULT_TTL,
                OutboxPriority.HIGH, false, null);
        outbox.enqueue(urgent);
        CompletableFuture<OutboxEntry> first = outbox.awaitFinal(1);

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(modem.sentSms()).isEmpty();
        assertThat(first).isNotDone();

        outbox.release();

        assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("code 1234", "bulk");
        assertThat(first).isCompleted();
        assertThat(first.join().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aTimedOutSendBecomesUnknownAndIsNotRetried() {
        modem.nextSendTimesOut();

        outbox.enqueue(request(ALICE, "hello", null));

        OutboxEntry entry = outbox.find(1).orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(entry.error()).doesNotContain(ALICE.value()).contains("may have been sent");
        assertThat(events).last().isEqualTo(new SmsFailed(START, ALICE.value(), 1, OutboxStatus.UNKNOWN,
                entry.error()));
        outbox.dispatchDue();
        assertThat(modem.sentSms()).hasSize(1);
    }

    @Test
    void retryUnknownQueuesAnUnansweredSendAgain() {
        modem.nextSendTimesOut();
        outbox.enqueue(new OutboxRequest(OutgoingSms.of(ALICE, "hello"), null, OutboxRequest.DEFAULT_TTL,
                OutboxPriority.NORMAL, true, null));
        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);

        outbox.dispatchDue();

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.find(1).orElseThrow().attempts()).isEqualTo(2);
        assertThat(modem.sentSms()).hasSize(2);
    }

    @Test
    void aRejectedSendFailsWithoutNumberOrText() {
        modem.nextSendRejected();

        outbox.enqueue(request(ALICE, "secret text", null));

        OutboxEntry entry = outbox.find(1).orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(entry.error()).isEqualTo("modem rejected it (+CMS ERROR: 500)");
        assertThat(entry.parts()).allSatisfy(part -> assertThat(part.left()).isFalse());
        assertThat(events).last().isInstanceOf(SmsFailed.class);
    }

    @Test
    void aDisconnectedModemLeavesTheMessageQueuedForTheNextDispatch() {
        modem.disconnect("unplugged");
        events.clear();

        outbox.enqueue(request(ALICE, "hello", null));

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.find(1).orElseThrow().error()).contains("will retry");
        modem.reconnect();
        outbox.dispatchDue();
        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aHangingSendStaysSendingUntilADisconnectMakesItUnknown() {
        modem.nextSendHangs();
        outbox.enqueue(request(ALICE, "hello", null));
        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThatThrownBy(() -> outbox.cancel(1)).isInstanceOf(IllegalStateException.class);

        modem.disconnect("unplugged");

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void theSameKeyAndRequestReplaysTheFirstMessage() {
        OutboxReceipt first = outbox.enqueue(request(ALICE, "hello", "k1:abc"));
        OutboxReceipt again = outbox.enqueue(request(ALICE, "hello", "k1:abc"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.entry().messageId()).isEqualTo(first.entry().messageId());
        assertThat(again.entry().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(modem.sentSms()).hasSize(1);
        assertThat(outbox.enqueue(request(ALICE, "hello", "k2:abc")).replayed()).isFalse();
    }

    @Test
    void theSameKeyWithAnotherRequestConflicts() {
        outbox.enqueue(request(ALICE, "hello", "k1:abc"));

        assertThatThrownBy(() -> outbox.enqueue(request(ALICE, "hello!", "k1:abc")))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> outbox.enqueue(request(BOB, "hello", "k1:abc")))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(outbox.list(null, 10, OptionalLong.empty())).hasSize(1);
    }

    @Test
    void aKeyIsForgottenAfterItsWindow() {
        outbox.enqueue(request(ALICE, "hello", "k1:abc"));
        clock.advance(OutboxRequest.IDEMPOTENCY_WINDOW);

        OutboxReceipt later = outbox.enqueue(request(ALICE, "other", "k1:abc"));

        assertThat(later.replayed()).isFalse();
        assertThat(later.entry().messageId()).isEqualTo(2);
    }

    @Test
    void sendAtWaitsForADispatchAfterItsTime() {
        OutboxRequest later = new OutboxRequest(OutgoingSms.of(ALICE, "later"), START.plusSeconds(60),
                OutboxRequest.DEFAULT_TTL, OutboxPriority.NORMAL, false, null);
        outbox.enqueue(later);
        outbox.dispatchDue();
        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);

        clock.advance(Duration.ofSeconds(60));
        outbox.dispatchDue();

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aMessageExpiresWhenItsTtlRunsOutInTheQueue() {
        outbox.hold();
        outbox.enqueue(new OutboxRequest(OutgoingSms.of(ALICE, "hello"), null, Duration.ofSeconds(30),
                OutboxPriority.NORMAL, false, null));
        clock.advance(Duration.ofSeconds(30));

        outbox.release();

        assertThat(outbox.find(1).orElseThrow().status()).isEqualTo(OutboxStatus.EXPIRED);
        assertThat(outbox.awaitFinal(1).join().status()).isEqualTo(OutboxStatus.EXPIRED);
        assertThat(modem.sentSms()).isEmpty();
        assertThat(events).last().isInstanceOfSatisfying(SmsFailed.class,
                failed -> assertThat(failed.status()).isEqualTo(OutboxStatus.EXPIRED));
    }

    @Test
    void cancelEndsAQueuedMessageOnly() {
        outbox.hold();
        outbox.enqueue(request(ALICE, "hello", null));

        assertThat(outbox.cancel(1).orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.awaitFinal(1).join().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(outbox.cancel(99)).isEmpty();
        assertThatThrownBy(() -> outbox.cancel(1)).isInstanceOf(IllegalStateException.class);
        outbox.release();
        assertThat(modem.sentSms()).isEmpty();
    }

    @Test
    void listIsNewestFirstFilteredAndPaged() {
        outbox.hold();
        for (int i = 1; i <= 5; i++) {
            outbox.enqueue(request(ALICE, "m" + i, null));
        }
        outbox.cancel(2);

        assertThat(outbox.list(null, 2, OptionalLong.empty())).extracting(OutboxEntry::messageId)
                .containsExactly(5L, 4L);
        assertThat(outbox.list(null, 10, OptionalLong.of(4))).extracting(OutboxEntry::messageId)
                .containsExactly(3L, 2L, 1L);
        assertThat(outbox.list(OutboxStatus.CANCELLED, 10, OptionalLong.empty())).extracting(OutboxEntry::messageId)
                .containsExactly(2L);
        assertThatThrownBy(() -> outbox.list(null, 0, OptionalLong.empty()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void awaitFinalOfAnUnknownIdFailsAndTheCallerCannotCompleteTheOutboxFuture() {
        assertThat(outbox.awaitFinal(7)).isCompletedExceptionally();
        outbox.hold();
        outbox.enqueue(request(ALICE, "hello", null));
        outbox.awaitFinal(1).cancel(true);
        outbox.release();
        assertThat(outbox.awaitFinal(1).join().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void anOverlongBodyIsRefusedBeforeCommitting() {
        assertThatThrownBy(() -> outbox.enqueue(request(ALICE, "x".repeat(153 * 256), null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(outbox.list(null, 10, OptionalLong.empty())).isEmpty();
        assertThat(events).isEmpty();
    }
}
