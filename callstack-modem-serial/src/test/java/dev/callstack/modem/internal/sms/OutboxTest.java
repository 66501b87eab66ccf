package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsSent;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.SmsSubmit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file against the AT simulator, with the clock moved by hand. */
class OutboxTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;
    private SmsHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private Outbox start(SmsSettings settings) {
        h = new SmsHarness(dir.resolve("store.db")).settings(settings);
        h.startAndAwaitSmsReady();
        return h.modem.outbox();
    }

    private Outbox start() {
        return start(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(30)).withSendRate(0));
    }

    private static OutboxRequest request(String body) {
        return OutboxRequest.of(OutgoingSms.of(TO, body));
    }

    private static OutboxRequest request(String body, Instant sendAt, Duration ttl, OutboxPriority priority,
                                         boolean retryUnknown, String key) {
        return new OutboxRequest(OutgoingSms.of(TO, body), sendAt, ttl, priority, retryUnknown, key);
    }

    private OutboxEntry awaitStatus(Outbox outbox, long id, OutboxStatus status) {
        h.service.wakeOutbox();
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> outbox.find(id).orElseThrow().status() == status);
        return outbox.find(id).orElseThrow();
    }

    private List<String> sentTexts() {
        return h.sim.sentPdus().stream().map(OutboxTest::text).toList();
    }

    private static String text(String hex) {
        try {
            return ((SmsSubmit) PduDecoder.decode(hex)).text();
        } catch (Exception e) {
            throw new AssertionError("PDU the simulator received does not decode", e);
        }
    }

    /** Runs after every dispatch task queued before it: a direct send shares the SMS send thread. */
    private void barrier() throws Exception {
        h.modem.sms().send(TO, "barrier").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void enqueueCommitsBeforeAnythingIsSentThenSends() throws Exception {
        Outbox outbox = start();
        h.sim.holdSubmits(true);
        OutboxReceipt receipt = outbox.enqueue(request("held"));
        long id = receipt.entry().messageId();

        assertThat(receipt.replayed()).isFalse();
        assertThat(receipt.entry().status()).isEqualTo(OutboxStatus.QUEUED);
        await().until(() -> h.sim.sentPdus().size() == 1);
        // The simulator holds the AT+CMGS answer: the row is there, sending, with part 1 in flight.
        assertThat(h.store.sent(id)).isPresent();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        List<ModemEvent> events = h.events;
        assertThat(events).filteredOn(SmsQueued.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SmsQueued) e).messageId()).isEqualTo(id));
    }

    @Test
    void sentMessageHasItsReferenceTheSameIdEverywhereAndAwaitFinalCompletes() throws Exception {
        Outbox outbox = start();
        long id = outbox.enqueue(request("hello")).entry().messageId();
        OutboxEntry done = outbox.awaitFinal(id).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.sentAt()).isNotNull();
        assertThat(done.parts()).singleElement().satisfies(p -> assertThat(p.left()).isTrue());
        await().until(() -> h.events(SmsSent.class).size() == 1);
        assertThat(h.events(SmsSent.class).get(0).messageId()).isEqualTo(id);
        assertThat(h.store.sent(id).orElseThrow().sentParts()).hasSize(1);
        assertThat(sentTexts()).containsExactly("hello");
    }

    @Test
    void highPriorityGoesFirstThenByDueTime() throws Exception {
        Outbox outbox = start();
        Instant later = h.clock.instant().plusSeconds(60);
        long a = outbox.enqueue(request("normal A", later, Duration.ofHours(1), OutboxPriority.NORMAL, false, null))
                .entry().messageId();
        long b = outbox.enqueue(request("normal B", later, Duration.ofHours(1), OutboxPriority.NORMAL, false, null))
                .entry().messageId();
        long c = outbox.enqueue(request("code C", later, Duration.ofHours(1), OutboxPriority.HIGH, false, null))
                .entry().messageId();
        barrier();
        assertThat(sentTexts()).containsExactly("barrier");

        h.clock.advance(Duration.ofSeconds(60));
        awaitStatus(outbox, a, OutboxStatus.SENT);
        awaitStatus(outbox, b, OutboxStatus.SENT);
        awaitStatus(outbox, c, OutboxStatus.SENT);
        assertThat(sentTexts()).containsExactly("barrier", "code C", "normal A", "normal B");
    }

    @Test
    void sendAtWaitsAndTtlExpiresWhatCouldNotBeSent() throws Exception {
        Outbox outbox = start();
        Instant now = h.clock.instant();
        long scheduled = outbox.enqueue(request("at ten", now.plusSeconds(600), Duration.ofHours(1),
                OutboxPriority.NORMAL, false, null)).entry().messageId();
        long expiring = outbox.enqueue(request("too late", now.plusSeconds(50), Duration.ofSeconds(60),
                OutboxPriority.NORMAL, false, null)).entry().messageId();
        assertThatThrownBy(() -> outbox.enqueue(request("never", now.plusSeconds(7200), Duration.ofHours(1),
                OutboxPriority.NORMAL, false, null))).isInstanceOf(InvalidRequestException.class);
        barrier();
        assertThat(outbox.find(scheduled).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);

        // Past its ttl before its send_at came: it expires unsent.
        h.clock.advance(Duration.ofSeconds(61));
        OutboxEntry expired = awaitStatus(outbox, expiring, OutboxStatus.EXPIRED);
        assertThat(expired.parts()).allSatisfy(p -> assertThat(p.left()).isFalse());
        assertThat(sentTexts()).doesNotContain("too late");
        await().until(() -> h.events(SmsFailed.class).stream().anyMatch(e -> e.messageId() == expiring
                && e.status() == OutboxStatus.EXPIRED));

        h.clock.advance(Duration.ofMinutes(9));
        awaitStatus(outbox, scheduled, OutboxStatus.SENT);
        assertThat(sentTexts()).containsExactly("barrier", "at ten");
    }

    @Test
    void rateLimitSpreadsMessagesOverTheMinute() throws Exception {
        Outbox outbox = start(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(30)).withSendRate(2));
        long first = outbox.enqueue(request("one")).entry().messageId();
        awaitStatus(outbox, first, OutboxStatus.SENT);
        h.service.wakeOutbox();
        barrier(); // the wake-up above found the rate holding the queue for 30 s (the clock only moves by hand)
        long second = outbox.enqueue(request("two")).entry().messageId();
        long third = outbox.enqueue(request("three")).entry().messageId();
        // Neither enqueue woke the dispatcher: nothing could be sent before the rate's own wake-up anyway.
        assertThat(h.service.outboxEnqueuesHeldByRate()).isEqualTo(2);
        barrier();
        assertThat(outbox.find(second).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);

        h.clock.advance(Duration.ofSeconds(30));
        awaitStatus(outbox, second, OutboxStatus.SENT);
        h.service.wakeOutbox();
        barrier();
        assertThat(outbox.find(third).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        h.clock.advance(Duration.ofSeconds(30));
        awaitStatus(outbox, third, OutboxStatus.SENT);
        assertThat(sentTexts()).containsExactly("one", "barrier", "barrier", "two", "barrier", "three");
    }

    @Test
    void temporaryCmsErrorsAreRetriedWithBackoffThenSucceed() throws Exception {
        Outbox outbox = start();
        h.sim.answerNextSubmit("+CMS ERROR: 302");
        long id = outbox.enqueue(request("retry me")).entry().messageId();
        await().until(() -> h.sim.sentPdus().size() == 1);
        await().until(() -> outbox.find(id).orElseThrow().error() != null);
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.error()).contains("302");

        h.clock.advance(Duration.ofSeconds(4));
        barrier();
        assertThat(h.sim.sentPdus()).hasSize(2);
        h.sim.answerNextSubmit("+CMS ERROR: 332");
        h.clock.advance(Duration.ofSeconds(1));
        await().until(() -> {
            h.service.wakeOutbox();
            return h.sim.sentPdus().size() == 3;
        });
        await().until(() -> String.valueOf(outbox.find(id).orElseThrow().error()).contains("332"));
        // Second failure: 10 s.
        h.clock.advance(Duration.ofSeconds(10));
        OutboxEntry sent = awaitStatus(outbox, id, OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sentTexts()).containsExactly("retry me", "barrier", "retry me", "retry me");
    }

    @Test
    void retriesStopWhenTheTtlRunsOut() {
        Outbox outbox = start();
        h.sim.answerNextSubmit("+CMS ERROR: 302");
        h.sim.answerNextSubmit("+CMS ERROR: 302");
        long id = outbox.enqueue(request("short", null, Duration.ofSeconds(8), OutboxPriority.NORMAL, false, null))
                .entry().messageId();
        await().until(() -> h.sim.sentPdus().size() == 1 && outbox.find(id).orElseThrow().error() != null);
        h.clock.advance(Duration.ofSeconds(5));
        OutboxEntry expired = awaitStatus(outbox, id, OutboxStatus.EXPIRED);
        assertThat(expired.attempts()).isEqualTo(2);
        assertThat(expired.error()).contains("time to live");
    }

    @Test
    void permanentErrorFailsAtOnce() throws Exception {
        Outbox outbox = start();
        h.sim.answerNextSubmit("+CMS ERROR: 21");
        long id = outbox.enqueue(request("refused")).entry().messageId();
        OutboxEntry failed = outbox.awaitFinal(id).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.error()).contains("21").doesNotContain("12345678").doesNotContain("refused");
        await().until(() -> h.events(SmsFailed.class).size() == 1);
        assertThat(h.events(SmsFailed.class).get(0).status()).isEqualTo(OutboxStatus.FAILED);
        h.clock.advance(Duration.ofMinutes(30));
        h.service.wakeOutbox();
        barrier();
        assertThat(h.sim.sentPdus()).hasSize(2);
    }

    @Test
    void cmgsTimeoutIsUnknownAndNeverRetried() throws Exception {
        Outbox outbox = start(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)).withSendRate(0));
        h.sim.holdSubmits(true);
        long id = outbox.enqueue(request("quiet")).entry().messageId();
        OutboxEntry unknown = outbox.awaitFinal(id).get(WAIT_SECONDS, TimeUnit.SECONDS);
        h.sim.holdSubmits(false);

        assertThat(unknown.status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(unknown.error()).contains("may have been sent");
        h.clock.advance(Duration.ofHours(1));
        h.service.wakeOutbox();
        barrier();
        assertThat(sentTexts()).containsExactly("quiet", "barrier");
        assertThat(h.events(SmsFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(OutboxStatus.UNKNOWN));
    }

    @Test
    void retryUnknownSendsAgainAfterATimeout() throws Exception {
        Outbox outbox = start(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)).withSendRate(0));
        h.sim.holdSubmits(true);
        long id = outbox.enqueue(request("again", null, Duration.ofHours(1), OutboxPriority.NORMAL, true, null))
                .entry().messageId();
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> outbox.find(id).orElseThrow().error() != null);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        h.sim.holdSubmits(false);

        h.clock.advance(Duration.ofSeconds(5));
        OutboxEntry sent = awaitStatus(outbox, id, OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sentTexts()).containsExactly("again", "again");
    }

    @Test
    void aFailureAfterTheFirstPartIsPartiallySentWithPerPartResults() throws Exception {
        Outbox outbox = start();
        h.sim.answerNextSubmit("+CMGS: 77", "OK");
        h.sim.answerNextSubmit("+CMS ERROR: 21");
        String text = "z".repeat(153 * 2 + 10);
        long id = outbox.enqueue(request(text)).entry().messageId();
        OutboxEntry entry = outbox.awaitFinal(id).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(entry.status()).isEqualTo(OutboxStatus.PARTIALLY_SENT);
        assertThat(entry.parts()).extracting(OutboxPart::reference).containsExactly(77, null, null);
        assertThat(entry.parts().get(0).delivery()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(entry.error()).contains("part 2 of 3");
        assertThat(h.sim.sentPdus()).hasSize(2);
    }

    @Test
    void deliveryReportsMoveSentMessagesToDeliveredOrFailed() throws Exception {
        Outbox outbox = start();
        long good = outbox.enqueue(request("arrives")).entry().messageId();
        int goodRef = outbox.awaitFinal(good).get(WAIT_SECONDS, TimeUnit.SECONDS).parts().get(0).reference();
        long bad = outbox.enqueue(request("bounces")).entry().messageId();
        int badRef = outbox.awaitFinal(bad).get(WAIT_SECONDS, TimeUnit.SECONDS).parts().get(0).reference();

        h.sim.deliverReportDirect(TestPdus.statusReport(goodRef, "+4917212345678", 0x00));
        h.sim.deliverReportDirect(TestPdus.statusReport(badRef, "+4917212345678", 0x46));
        OutboxEntry delivered = awaitStatus(outbox, good, OutboxStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(delivered.parts().get(0).delivery()).isEqualTo(DeliveryStatus.DELIVERED);
        OutboxEntry failed = awaitStatus(outbox, bad, OutboxStatus.FAILED);
        assertThat(failed.deliveredAt()).isNull();
        assertThat(outbox.list(OutboxStatus.DELIVERED, 10, OptionalLong.empty()))
                .extracting(OutboxEntry::messageId).containsExactly(good);
    }

    @Test
    void cancelOnlyWhileQueued() throws Exception {
        Outbox outbox = start();
        long later = outbox.enqueue(request("later", h.clock.instant().plusSeconds(3600), Duration.ofHours(2),
                OutboxPriority.NORMAL, false, null)).entry().messageId();
        CompletableFuture<OutboxEntry> waiting = outbox.awaitFinal(later);
        assertThat(outbox.cancel(later).orElseThrow().status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(waiting.get(WAIT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThatThrownBy(() -> outbox.cancel(later)).isInstanceOf(IllegalStateException.class);

        long sent = outbox.enqueue(request("gone")).entry().messageId();
        outbox.awaitFinal(sent).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThatThrownBy(() -> outbox.cancel(sent)).isInstanceOf(IllegalStateException.class);
        assertThat(outbox.cancel(999_999)).isEmpty();
        h.clock.advance(Duration.ofHours(1));
        h.service.wakeOutbox();
        barrier();
        assertThat(sentTexts()).containsExactly("gone", "barrier");
    }

    @Test
    void idempotencyKeyReplaysTheFirstMessageAndRefusesADifferentOne() throws Exception {
        Outbox outbox = start();
        OutboxRequest first = request("once", null, Duration.ofHours(1), OutboxPriority.NORMAL, false, "key-1:abc");
        assertThat(outbox.replay(first)).isEmpty();
        OutboxReceipt a = outbox.enqueue(first);
        outbox.awaitFinal(a.entry().messageId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        // The lookup without a commit (the server asks it before reserving quota) sees what enqueue would replay.
        assertThat(outbox.replay(first)).hasValueSatisfying(r -> assertThat(r.entry().messageId())
                .isEqualTo(a.entry().messageId()));
        assertThatThrownBy(() -> outbox.replay(request("other", null, Duration.ofHours(1), OutboxPriority.NORMAL,
                false, "key-1:abc"))).isInstanceOf(IdempotencyConflictException.class);
        OutboxReceipt b = outbox.enqueue(first);

        assertThat(b.replayed()).isTrue();
        assertThat(b.entry().messageId()).isEqualTo(a.entry().messageId());
        assertThat(b.entry().status()).isEqualTo(OutboxStatus.SENT);
        assertThatThrownBy(() -> outbox.enqueue(request("other", null, Duration.ofHours(1), OutboxPriority.NORMAL,
                false, "key-1:abc"))).isInstanceOf(IdempotencyConflictException.class)
                .hasMessageNotContaining("abc").hasMessageNotContaining("other");
        assertThat(h.events(SmsQueued.class)).hasSize(1);
        assertThat(sentTexts()).containsExactly("once");

        // After the window the key is free again.
        h.clock.advance(OutboxRequest.IDEMPOTENCY_WINDOW.plusSeconds(1));
        assertThat(outbox.enqueue(request("other", null, Duration.ofHours(1), OutboxPriority.NORMAL, false,
                "key-1:abc")).replayed()).isFalse();
    }

    @Test
    void concurrentDuplicatesCommitOneMessage() throws Exception {
        Outbox outbox = start();
        h.sim.holdSubmits(true);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OutboxReceipt>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<OutboxReceipt> task = () -> {
                    go.await();
                    return outbox.enqueue(request("dup", null, Duration.ofHours(1), OutboxPriority.NORMAL, false,
                            "key-2:same"));
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            int fresh = 0;
            for (Future<OutboxReceipt> f : results) {
                OutboxReceipt r = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
                ids.add(r.entry().messageId());
                fresh += r.replayed() ? 0 : 1;
            }
            assertThat(ids).hasSize(1);
            assertThat(fresh).isEqualTo(1);
            assertThat(outbox.list(null, 100, OptionalLong.empty())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unencodableTextIsRefusedBeforeAnythingIsCommitted() {
        Outbox outbox = start();
        assertThatThrownBy(() -> outbox.enqueue(request("bad \uD800 half")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> outbox.enqueue(OutboxRequest.of(new OutgoingSms(TO, "x".repeat(70_000),
                SmsEncoding.UCS2, true, null)))).isInstanceOf(InvalidRequestException.class);
        assertThat(outbox.list(null, 10, OptionalLong.empty())).isEmpty();
        assertThat(h.events(SmsQueued.class)).isEmpty();
    }

    @Test
    void directSendTimeoutIsRecordedAsUnknown() {
        start(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)).withSendRate(0));
        h.sim.holdSubmits(true);
        assertThatThrownBy(() -> h.modem.sms().send(TO, "direct").get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ModemTimeoutException.class);
        assertThat(h.modem.outbox().list(OutboxStatus.UNKNOWN, 10, OptionalLong.empty())).singleElement()
                .satisfies(e -> assertThat(e.error()).contains("may have been sent"));
    }
}
