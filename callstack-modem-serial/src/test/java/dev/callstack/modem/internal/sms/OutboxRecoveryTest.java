package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.SmsSubmit;
import dev.callstack.modem.store.NewOutboxMessage;
import dev.callstack.modem.store.OutboxStore;
import dev.callstack.modem.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dispatcher does on start with the states a crash leaves (written into the file the way the part loop
 * writes them): resume after the last recorded part when no part was in flight, unknown when one was.
 */
class OutboxRecoveryTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");

    @TempDir
    Path dir;
    private SmsHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private OutboxStore table() {
        return ((SqliteMessageStore) h.store).outbox();
    }

    private long queueMultipart(String text, boolean retryUnknown) {
        Instant now = h.clock.instant();
        return table().enqueue(new NewOutboxMessage(OutgoingSms.of(TO, text), 3, 42, OutboxPriority.NORMAL, now,
                now.plus(Duration.ofHours(1)), retryUnknown, false, now), null, null, Duration.ofHours(24))
                .entry().messageId();
    }

    @Test
    void crashBetweenPartsResumesAtTheNextPartWithTheSamePdus() throws Exception {
        h = new SmsHarness(dir.resolve("store.db"));
        String text = "r".repeat(153 * 2 + 5);
        long id = queueMultipart(text, false);
        // Part 1 left and was recorded; the crash came before part 2 was marked in flight.
        assertThat(table().beginAttempt(id)).isTrue();
        table().partInFlight(id, 1);
        table().partSent(id, 1, 3, 9, h.clock.instant());

        h.startAndAwaitSmsReady();
        OutboxEntry sent = h.modem.outbox().awaitFinal(id).get(30, TimeUnit.SECONDS);

        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.parts()).extracting(OutboxPart::reference).first().isEqualTo(9);
        assertThat(sent.parts()).allSatisfy(p -> assertThat(p.left()).isTrue());
        List<SmsSubmit> pdus = h.sim.sentPdus().stream().map(OutboxRecoveryTest::submit).toList();
        assertThat(pdus).extracting(p -> p.concatenation().orElseThrow().sequence()).containsExactly(2, 3);
        assertThat(pdus).extracting(p -> p.concatenation().orElseThrow().reference()).containsOnly(42);
        assertThat(text).endsWith(pdus.get(0).text() + pdus.get(1).text());
    }

    @Test
    void crashWithAPartInFlightIsUnknownAndNothingIsSent() throws Exception {
        h = new SmsHarness(dir.resolve("store.db"));
        long id = queueMultipart("u".repeat(153 * 2 + 5), false);
        assertThat(table().beginAttempt(id)).isTrue();
        table().partInFlight(id, 1);
        table().partSent(id, 1, 3, 9, h.clock.instant());
        table().partInFlight(id, 2);

        h.startAndAwaitSmsReady();
        OutboxEntry unknown = h.modem.outbox().awaitFinal(id).get(30, TimeUnit.SECONDS);

        assertThat(unknown.status()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(unknown.error()).contains("part 2 of 3 was in flight");
        assertThat(unknown.parts()).extracting(OutboxPart::reference).containsExactly(9, null, null);
        assertThat(h.events(SmsFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(id));
        h.modem.sms().send(TO, "barrier").get(30, TimeUnit.SECONDS);
        assertThat(h.sim.sentPdus()).hasSize(1);
    }

    @Test
    void retryUnknownResumesAtThePartThatWasInFlight() throws Exception {
        h = new SmsHarness(dir.resolve("store.db"));
        long id = queueMultipart("k".repeat(153 * 2 + 5), true);
        assertThat(table().beginAttempt(id)).isTrue();
        table().partInFlight(id, 1);

        h.startAndAwaitSmsReady();
        OutboxEntry sent = h.modem.outbox().awaitFinal(id).get(30, TimeUnit.SECONDS);

        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(h.sim.sentPdus()).hasSize(3);
    }

    private static SmsSubmit submit(String hex) {
        try {
            return (SmsSubmit) PduDecoder.decode(hex);
        } catch (Exception e) {
            throw new AssertionError("PDU the simulator received does not decode", e);
        }
    }
}
