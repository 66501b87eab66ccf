package dev.callstack.server.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.realtime.EncodedMessage;
import dev.callstack.realtime.EventNames;
import dev.callstack.realtime.InMemoryEventJournal;
import dev.callstack.realtime.JournalEntry;
import dev.callstack.server.WebhookReceiver;
import dev.callstack.server.WebhookReceiver.Answer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher over a journal that outlives it (as the SQLite journal does): the cursor and pending retries
 * continue after a restart, delivery is dead-lettered after the retry period and a subscription disabled after
 * failing too long, on a clock the test moves. Also the connect-time SSRF check and the backoff bounds.
 */
class WebhookDeliveryDurabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TempDir
    Path dir;
    private final InMemoryEventJournal journal = new InMemoryEventJournal(1000);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<WebhookDeliveryStatus> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static WebhookTiming timing(Clock clock) {
        return new WebhookTiming(clock, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(1), Duration.ofMillis(20), 4);
    }

    private Webhooks start(Clock clock) {
        Webhooks webhooks = Webhooks.start(new WebhookSettings(null, null, false, true, timing(clock)),
                dir.resolve("callstack.db"), journal, results::add, "test");
        open.add(webhooks);
        return webhooks;
    }

    private WebhookReceiver receiver(Answer answer) throws Exception {
        WebhookReceiver r = WebhookReceiver.start(answer);
        open.add(r);
        return r;
    }

    private void append(long id) {
        journal.append(new JournalEntry(id, EventNames.SIGNAL_QUALITY, Instant.now(),
                EncodedMessage.ofText("{\"type\":\"signal.quality\",\"id\":" + id + ",\"view\":\"redacted\"}"),
                EncodedMessage.ofText("{\"type\":\"signal.quality\",\"id\":" + id + ",\"view\":\"content\"}")));
    }

    @Test
    void theCursorAndPendingRetriesContinueAfterARestartAndNothingIsSentTwice() throws Exception {
        WebhookReceiver r = receiver(Answer.FAIL);
        Webhooks first = start(Clock.systemUTC());
        String id = first.create(r.url("/d").toString(), List.of(), false, 1).subscription().id();
        append(1);
        append(2);
        await().atMost(WAIT).until(() -> first.deliveries(id, WebhookDeliveryStatus.FAILED, 10).size() == 2);
        first.close();
        int failed = r.received().size();
        append(3); // while no dispatcher runs
        r.answer(Answer.OK);

        Webhooks second = start(Clock.systemUTC());
        await().atMost(WAIT).until(() -> second.deliveries(id, WebhookDeliveryStatus.DELIVERED, 10).size() == 3);
        List<WebhookReceiver.Received> after = r.received().subList(failed, r.received().size());
        assertThat(after).extracting(WebhookReceiver.Received::id).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(after).allSatisfy(x -> assertThat(x.body()).contains("\"view\":\"redacted\""));
        assertThat(second.list().get(0).cursor()).isEqualTo(3);
        append(4);
        await().atMost(WAIT).until(() -> second.deliveries(id, WebhookDeliveryStatus.DELIVERED, 10).size() == 4);
        assertThat(r.byId().keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void aDeliveryIsDeadLetteredAfterTheRetryPeriodAndTheSubscriptionDisabledAfterFailingTooLong()
            throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        WebhookReceiver r = receiver(Answer.FAIL);
        Webhooks webhooks = start(clock);
        String id = webhooks.create(r.url("/dead").toString(), List.of(), true, 1).subscription().id();
        append(1);
        await().atMost(WAIT).until(() -> webhooks.deliveries(id, WebhookDeliveryStatus.FAILED, 10).size() == 1);
        assertThat(r.received()).hasSize(1); // the clock stands still: no retry is due yet
        assertThat(r.received().get(0).body()).contains("\"view\":\"content\"");

        clock.advance(Duration.ofMinutes(61)); // past the retry period of 1 h
        await().atMost(WAIT).until(() -> webhooks.deliveries(id, WebhookDeliveryStatus.DEAD, 10).size() == 1);
        assertThat(results).contains(WebhookDeliveryStatus.DEAD);
        assertThat(webhooks.list().get(0).enabled()).isTrue();

        append(2);
        await().atMost(WAIT).until(() -> webhooks.deliveries(id, WebhookDeliveryStatus.FAILED, 10).size() == 1);
        clock.advance(Duration.ofMinutes(60)); // failing since 2 h 1 min without a success: disabled
        await().atMost(WAIT).until(() -> !webhooks.list().get(0).enabled());
        await().atMost(WAIT).until(() -> webhooks.stats().disabled() == 1);
        int attempts = r.received().size();
        append(3);
        clock.advance(Duration.ofMinutes(5));
        assertThat(webhooks.deliveries(id, null, 10)).extracting(WebhookDelivery::eventId).doesNotContain(3L);
        assertThat(r.received()).hasSize(attempts);
    }

    @Test
    void theSenderChecksTheTargetAgainBeforeEachAttempt() throws Exception {
        WebhookReceiver r = receiver(Answer.OK);
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        WebhookAddressGuard guard = new WebhookAddressGuard(false,
                host -> new InetAddress[] {InetAddress.getByName(answer.get())});
        URI url = URI.create("http://rebind.example:" + r.port() + "/x");
        assertThat(guard.refusal(url)).as("allowed at creation").isNull();
        answer.set("127.0.0.1");
        WebhookSender sender = new WebhookSender(guard, timing(Clock.systemUTC()), Runnable::run, "test");
        WebhookSubscription subscription = new WebhookSubscription("wh_x", url.toString(), List.of(), false,
                WebhookSecret.generate(), 0, 1, true, 0, 0);
        WebhookSender.Outcome outcome = sender.attempt(subscription, 7, "{}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("webhook URL resolves to a loopback address");
        assertThat(r.received()).isEmpty();
    }

    @Test
    void backoffStartsNearTheFirstRetryDoublesAndStaysUnderTheCap() {
        WebhookTiming defaults = WebhookTiming.defaults();
        for (int i = 0; i < 50; i++) {
            assertThat(WebhookDispatcher.backoff(defaults, 1)).isBetween(4_000L, 6_000L);
            assertThat(WebhookDispatcher.backoff(defaults, 2)).isBetween(8_000L, 12_000L);
            assertThat(WebhookDispatcher.backoff(defaults, 30)).isBetween(2_880_000L, 3_600_000L);
            assertThat(WebhookDispatcher.backoff(defaults, 500)).isLessThanOrEqualTo(3_600_000L);
        }
    }

    @Test
    void secretsAreWhsecBase64AndTheSignatureMatchesTheSpecificationsExample() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.key(secret)).hasSize(32);
        // The Standard Webhooks specification's published example.
        byte[] key = WebhookSecret.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        for (String bad : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!!", "whsec_c2hvcnQ=")) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> WebhookSecret.key(bad))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad));
        }
    }
}
