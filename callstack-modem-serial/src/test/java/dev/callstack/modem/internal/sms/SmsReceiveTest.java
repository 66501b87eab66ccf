package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.StoredSms;
import dev.callstack.core.SmsEncoding;
import dev.callstack.core.event.SmsReceived;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsReceiveTest {
    private static final String FROM = "+4917298765432";

    private SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void cmtiIsReadStoredAndOnlyThenDeleted() {
        h.startAndAwaitSmsReady();
        int slot = h.sim.deliverStored(TestPdus.single(FROM, "Hi there"));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.sender()).isEqualTo(FROM);
        assertThat(event.body()).isEqualTo("Hi there");
        assertThat(event.parts()).isEqualTo(1);
        assertThat(event.partial()).isFalse();
        assertThat(event.smscTimestamp()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(h.store.received(10, OptionalLong.empty())).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo(event.messageId()));
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.sim.commands()).containsSubsequence("AT+CMGR=" + slot, "AT+CMGD=" + slot);
    }

    @Test
    void cmtIsStoredThenAcknowledged() {
        h.startAndAwaitSmsReady();
        h.sim.deliverDirect(TestPdus.single(FROM, "direct"));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("direct");
        await().until(() -> h.sim.commands().contains("AT+CNMA"));
        assertThat(h.modem.sms().received(10, OptionalLong.empty())).extracting(StoredSms::body)
                .containsExactly("direct");
    }

    @Test
    void cnmaRejectionIsTolerated() {
        h.sim.respond("AT+CNMA", "+CMS ERROR: 340");
        h.startAndAwaitSmsReady();
        h.sim.deliverDirect(TestPdus.single(FROM, "one"));
        h.sim.deliverDirect(TestPdus.single(FROM, "two"));
        await().until(() -> h.events(SmsReceived.class).size() == 2);
    }

    @Test
    void sweepOnConnectPicksUpMessagesThatArrivedWhileNobodyListened() {
        h.sim.storeSms(TestPdus.single(FROM, "first"));
        h.sim.storeSms(TestPdus.single("+4917200000001", "second"));
        h.startAndAwaitSmsReady();

        await().until(() -> h.events(SmsReceived.class).size() == 2);
        assertThat(h.events(SmsReceived.class)).extracting(SmsReceived::body).containsExactly("first", "second");
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.sim.commands()).containsSubsequence("AT+CMGF=0", "AT+CNMI=2,1,0,2,0", "AT+CMGL=4");
    }

    @Test
    void multipartArrivingOutOfOrderWithDuplicatesIsOneMessage() {
        h.startAndAwaitSmsReady();
        String text = "Part of a long story. ".repeat(20);
        List<String> parts = TestPdus.deliver(FROM, text, SmsEncoding.AUTO, 77);
        assertThat(parts).hasSize(3);

        h.sim.deliverStored(parts.get(2));
        h.sim.deliverDirect(parts.get(0));
        h.sim.deliverDirect(parts.get(0));
        await().until(() -> h.store.openGroupCount() == 1 && h.sim.storedSms().isEmpty());
        h.sim.deliverStored(parts.get(0));
        h.sim.deliverStored(parts.get(1));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.body()).isEqualTo(text);
        assertThat(event.parts()).isEqualTo(3);
        assertThat(event.partial()).isFalse();
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.store.openGroupCount()).isZero();
        assertThat(h.store.received(10, OptionalLong.empty())).singleElement()
                .satisfies(m -> assertThat(m.parts()).isEqualTo(3));
        assertThat(h.events(SmsReceived.class)).hasSize(1);
    }

    @Test
    void ucs2MultipartWithEmojiIsReassembled() {
        h.startAndAwaitSmsReady();
        String text = "Grüße 😀 ".repeat(15);
        List<String> parts = TestPdus.deliver(FROM, text, SmsEncoding.AUTO, 200);
        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = parts.size() - 1; i >= 0; i--) {
            h.sim.deliverStored(parts.get(i));
        }
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo(text);
    }

    @Test
    void partsWithEightAndSixteenBitReferencesAreDifferentMessages() {
        h.startAndAwaitSmsReady();
        List<String> eight = TestPdus.deliver(FROM, "8".repeat(200), SmsEncoding.AUTO, 0x12, false);
        List<String> sixteen = TestPdus.deliver(FROM, "6".repeat(200), SmsEncoding.AUTO, 0x12, true);
        h.sim.deliverStored(eight.get(0));
        h.sim.deliverStored(sixteen.get(1));
        h.sim.deliverStored(sixteen.get(0));
        h.sim.deliverStored(eight.get(1));

        await().until(() -> h.events(SmsReceived.class).size() == 2);
        assertThat(h.events(SmsReceived.class)).extracting(SmsReceived::body)
                .containsExactly("6".repeat(200), "8".repeat(200));
    }

    @Test
    void messageWhoseStoreFailsStaysOnTheSimWithoutAnEvent() {
        h.startAndAwaitSmsReady();
        h.store.close();
        int slot = h.sim.deliverStored(TestPdus.single(FROM, "keep me"));

        await().until(() -> h.service.counters().storeFailures.get() == 1);
        assertThat(h.sim.storedSms()).containsKey(slot);
        assertThat(h.sim.commands()).doesNotContain("AT+CMGD=" + slot);
        assertThat(h.events(SmsReceived.class)).isEmpty();
    }

    @Test
    void undecodablePduIsKeptInTheStoreLeavesTheSimAndNothingDies() {
        // Issue 12 item 6: it used to stay on the SIM forever (and fill it); now it is kept in SQLite, then deleted.
        h.startAndAwaitSmsReady();
        int bad = h.sim.deliverStored("00FFFFFFFFFFFFFFFF");
        await().until(() -> h.service.counters().undecodable.get() == 1);

        h.sim.deliverStored(TestPdus.single(FROM, "still alive"));
        h.sim.deliverDirect("07914875215652F0BAD");
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("still alive");
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.sim.commands()).contains("AT+CMGD=" + bad);
        assertThat(h.store.undecodable(10)).extracting(u -> u.storage() + "/" + u.index())
                .contains("SM/" + bad);
    }

    @Test
    void crashBetweenStoreAndDeleteThenRestartGivesNoDuplicateAndLosesNothing(@TempDir Path dir) {
        h.close();
        h = new SmsHarness(dir.resolve("sms.db"));
        h.startAndAwaitSmsReady();
        h.sim.drop("AT+CMGD=1");
        h.sim.deliverStored(TestPdus.single(FROM, "exactly once"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        await().until(() -> h.sim.commands().contains("AT+CMGD=1"));
        assertThat(h.sim.storedSms()).hasSize(1);

        h.sim.clearResponses();
        h.restart();

        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.events(SmsReceived.class)).isEmpty();
        assertThat(h.modem.sms().received(10, OptionalLong.empty())).extracting(StoredSms::body)
                .containsExactly("exactly once");
        assertThat(h.service.counters().duplicates.get()).isEqualTo(1);
    }

    @Test
    void reconnectSweepDoesNotEmitAgain() {
        h.startAndAwaitSmsReady();
        h.sim.deliverStored(TestPdus.single(FROM, "before unplug"));
        await().until(() -> h.events(SmsReceived.class).size() == 1 && h.sim.storedSms().isEmpty());
        int connects = h.smsReadyCount();
        h.unplug();
        h.sim.storeSms(TestPdus.single(FROM, "while away"));
        h.replug();
        await().until(() -> h.smsReadyCount() > connects);
        await().until(() -> h.events(SmsReceived.class).size() == 2 && h.sim.storedSms().isEmpty());
        assertThat(h.events(SmsReceived.class)).extracting(SmsReceived::body)
                .containsExactly("before unplug", "while away");
    }

    @Test
    void incompleteGroupIsDeliveredAsPartialAfterTheTimeout() {
        h.settings(SmsSettings.defaults().withReassembly(Duration.ofHours(24), 256, Duration.ofMillis(20)));
        h.startAndAwaitSmsReady();
        List<String> parts = TestPdus.deliver(FROM, "Zz".repeat(200), SmsEncoding.AUTO, 9);
        assertThat(parts).hasSize(3);
        h.sim.deliverStored(parts.get(0));
        h.sim.deliverStored(parts.get(2));
        await().until(() -> h.store.openGroupCount() == 1 && h.sim.storedSms().isEmpty());
        h.clock.advance(Duration.ofHours(23));
        await().during(Duration.ofMillis(100)).until(() -> h.events(SmsReceived.class).isEmpty());

        h.clock.advance(Duration.ofHours(2));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.partial()).isTrue();
        assertThat(event.parts()).isEqualTo(3);
        assertThat(event.body()).isEqualTo(TestPdus.textOf(parts.get(0)) + TestPdus.textOf(parts.get(2)));
        assertThat(h.store.openGroupCount()).isZero();
        assertThat(h.store.received(1, OptionalLong.empty()).get(0).partial()).isTrue();
    }

    @Test
    void tooManyOpenGroupsDeliverTheOldestAsPartial() {
        h.settings(SmsSettings.defaults().withReassembly(Duration.ofHours(24), 1, Duration.ofHours(1)));
        h.startAndAwaitSmsReady();
        List<String> a = TestPdus.deliver(FROM, "a".repeat(300), SmsEncoding.AUTO, 1);
        List<String> b = TestPdus.deliver(FROM, "b".repeat(300), SmsEncoding.AUTO, 2);
        h.sim.deliverStored(a.get(0));
        await().until(() -> h.store.openGroupCount() == 1);
        h.clock.advance(Duration.ofSeconds(1));
        h.sim.deliverStored(b.get(1));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.partial()).isTrue();
        assertThat(event.body()).startsWith("aaa");
        assertThat(h.store.openGroupCount()).isEqualTo(1);
    }

    @Test
    void newerMessageReusingTheReferenceOfAnIncompleteOneIsNotMergedIntoIt() {
        h.startAndAwaitSmsReady();
        List<String> older = TestPdus.deliver(FROM, "a".repeat(300), SmsEncoding.AUTO, 42);
        List<String> newer = TestPdus.deliver(FROM, "b".repeat(300), SmsEncoding.AUTO, 42);
        assertThat(older).hasSize(2);
        h.sim.deliverStored(older.get(0));
        await().until(() -> h.store.openGroupCount() == 1 && h.sim.storedSms().isEmpty());

        h.sim.deliverStored(newer.get(0));
        h.sim.deliverStored(newer.get(1));

        await().until(() -> h.events(SmsReceived.class).size() == 2);
        List<SmsReceived> events = h.events(SmsReceived.class);
        assertThat(events.get(0).body()).isEqualTo(TestPdus.textOf(older.get(0)));
        assertThat(events.get(0).partial()).isTrue();
        assertThat(events.get(1).body()).isEqualTo("b".repeat(300));
        assertThat(events.get(1).partial()).isFalse();
        assertThat(h.store.openGroupCount()).isZero();
    }

    @Test
    void incompleteGroupSurvivesARestart(@TempDir Path dir) {
        h.close();
        h = new SmsHarness(dir.resolve("sms.db"));
        h.startAndAwaitSmsReady();
        List<String> parts = TestPdus.deliver(FROM, "restart ".repeat(30), SmsEncoding.AUTO, 5);
        assertThat(parts).hasSize(2);
        h.sim.deliverStored(parts.get(0));
        await().until(() -> h.store.openGroupCount() == 1 && h.sim.storedSms().isEmpty());

        h.restart();
        h.sim.deliverStored(parts.get(1));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("restart ".repeat(30));
    }

    @Test
    void receivedPagesNewestFirstAndChecksTheLimit() {
        h.startAndAwaitSmsReady();
        for (int i = 0; i < 3; i++) {
            h.sim.deliverStored(TestPdus.single(FROM, "m" + i));
        }
        await().until(() -> h.events(SmsReceived.class).size() == 3);
        List<StoredSms> newest = h.modem.sms().received(2, OptionalLong.empty());
        assertThat(newest).extracting(StoredSms::body).containsExactly("m2", "m1");
        assertThat(h.modem.sms().received(2, OptionalLong.of(newest.get(1).id()))).extracting(StoredSms::body)
                .containsExactly("m0");
        Assertions.assertThatThrownBy(() -> h.modem.sms().received(0, OptionalLong.empty()))
                .isInstanceOf(InvalidRequestException.class);
        Assertions.assertThatThrownBy(() -> h.modem.sms().received(501, OptionalLong.empty()))
                .isInstanceOf(InvalidRequestException.class);
        Assertions.assertThatThrownBy(() -> h.modem.sms().deliveryReports(0))
                .isInstanceOf(InvalidRequestException.class);
    }
}
