package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.SmsEncoding;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.store.MessageFingerprint;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingPart;
import dev.callstack.modem.pdu.Concatenation;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.PduFormatException;
import dev.callstack.modem.pdu.SmsDeliver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash after {@code addPart} stored the last part of a multipart message but before {@code completeGroup}: the
 * group sits complete in the store and the last part's fingerprint is known, so no later PDU completes it.
 */
class MultipartRecoveryTest {
    private static final String FROM = "+4917298765432";

    private SmsHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void groupLeftCompleteByACrashIsDeliveredOnceOnTheNextConnect(@TempDir Path dir) {
        h = new SmsHarness(dir.resolve("sms.db"));
        String text = "Left complete by a crash. ".repeat(12);
        List<String> parts = TestPdus.deliver(FROM, text, SmsEncoding.AUTO, 31);
        assertThat(parts).hasSize(3);
        // The crash came before AT+CMGD too: the last part is still on the SIM, its fingerprint already stored.
        int slot = h.sim.storeSms(parts.get(2));
        crashAfterStoringEveryPart(h.store, parts, slot, h.clock.instant());

        h.startAndAwaitSmsReady();

        await().until(() -> h.events(SmsReceived.class).size() == 1 && h.sim.storedSms().isEmpty());
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.body()).isEqualTo(text);
        assertThat(event.parts()).isEqualTo(3);
        assertThat(event.partial()).isFalse();
        assertThat(h.store.openGroupCount()).isZero();
        assertThat(h.store.received(10, OptionalLong.empty())).singleElement()
                .satisfies(m -> assertThat(m.partial()).isFalse());

        h.restart();
        assertThat(h.events(SmsReceived.class)).isEmpty();
        assertThat(h.store.received(10, OptionalLong.empty())).hasSize(1);
    }

    @Test
    void completeGroupBehindManyOlderOpenGroupsIsDeliveredOnConnect() {
        h = new SmsHarness();
        Instant start = h.clock.instant();
        for (int i = 0; i < 150; i++) {
            PartGroupKey open = new PartGroupKey("+491720000" + String.format("%04d", i), 1, 2, false);
            h.store.addPart("open-" + i, new PendingPart(open, 1, "x", null, start.plusSeconds(i)));
        }
        List<String> parts = TestPdus.deliver(FROM, "Behind the others. ".repeat(12), SmsEncoding.AUTO, 32);
        crashAfterStoringEveryPart(h.store, parts, -1, start.plusSeconds(1000));

        h.startAndAwaitSmsReady();

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).partial()).isFalse();
        assertThat(h.store.openGroupCount()).isEqualTo(150);
    }

    @Test
    void completeGroupStampedAheadOfTheClockIsDeliveredOnConnect() {
        // A gateway whose clock was set back (no RTC, NTP not yet synced) finds parts stamped "in the future".
        h = new SmsHarness();
        List<String> parts = TestPdus.deliver(FROM, "Ahead of the clock. ".repeat(12), SmsEncoding.AUTO, 33);
        crashAfterStoringEveryPart(h.store, parts, -1, h.clock.instant().plus(Duration.ofDays(3)));

        h.startAndAwaitSmsReady();

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).partial()).isFalse();
        assertThat(h.store.openGroupCount()).isZero();
    }

    @Test
    void redeliveredLastPartOfAGroupLeftCompleteCompletesItWithoutWaitingForAReconnect() {
        h = new SmsHarness();
        h.startAndAwaitSmsReady();
        List<String> parts = TestPdus.deliver(FROM, "Redelivered. ".repeat(20), SmsEncoding.AUTO, 34);
        // As if an earlier process stored every part (the last one from +CMT, never acknowledged) and died.
        crashAfterStoringEveryPart(h.store, parts, -1, h.clock.instant());

        h.sim.deliverDirect(parts.get(parts.size() - 1));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("Redelivered. ".repeat(20));
        assertThat(h.store.openGroupCount()).isZero();
        await().until(() -> h.sim.commands().contains("AT+CNMA"));
    }

    /**
     * Stores every part the way the receiver does, without completing the group. Earlier parts have slots of their
     * own; the last one has {@code lastSlot} on "SM", or came by {@code +CMT} when it is -1.
     */
    private static void crashAfterStoringEveryPart(MessageStore store, List<String> parts, int lastSlot,
                                                   Instant at) {
        for (int i = 0; i < parts.size(); i++) {
            String pdu = parts.get(i);
            boolean last = i == parts.size() - 1;
            String fingerprint = last && lastSlot < 0 ? MessageFingerprint.of("CMT", -1, pdu)
                    : MessageFingerprint.of("SM", last ? lastSlot : 100 + i, pdu);
            SmsDeliver deliver = decode(pdu);
            Concatenation c = deliver.concatenation().orElseThrow();
            PartGroupKey key = new PartGroupKey(FROM, c.reference(), c.total(), c.sixteenBitReference());
            assertThat(store.addPart(fingerprint, new PendingPart(key, c.sequence(), deliver.text(),
                    deliver.serviceCentreTimestamp().toInstant(), at))).isPresent();
        }
    }

    private static SmsDeliver decode(String pdu) {
        try {
            return (SmsDeliver) PduDecoder.decode(pdu);
        } catch (PduFormatException e) {
            throw new AssertionError(e);
        }
    }
}
