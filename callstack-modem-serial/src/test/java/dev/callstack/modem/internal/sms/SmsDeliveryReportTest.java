package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.store.SentMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmsDeliveryReportTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");
    /** How long a test waits for a send that must finish: only a broken send takes anywhere near this long. */
    private static final long WAIT_SECONDS = 30;

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void cdsiReportIsCorrelatedWithTheSentMessage() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "track me").get(WAIT_SECONDS, TimeUnit.SECONDS);
        int slot = h.sim.deliverReportStored(TestPdus.statusReport(sent.reference(), "+4917212345678", 0x00), "SR");

        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        SmsDeliveryReport report = h.events(SmsDeliveryReport.class).get(0);
        assertThat(report.messageId()).isEqualTo(sent.messageId());
        assertThat(report.reference()).isEqualTo(sent.reference());
        assertThat(report.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(report.rawStatus()).isZero();
        SentMessage stored = h.store.sent(sent.messageId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.sim.commands()).containsSubsequence("AT+CPMS=\"SR\"", "AT+CMGR=" + slot, "AT+CMGD=" + slot);
        assertThat(h.modem.sms().deliveryReports(10)).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo(sent.messageId()));
    }

    @Test
    void cdsReportIsCorrelatedAndAcknowledged() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "x".repeat(200)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(sent.parts()).isEqualTo(2);
        // National form of the same number: reports echo the recipient however they like.
        h.sim.deliverReportDirect(TestPdus.statusReport(sent.references().get(1), "017212345678", 0x46));

        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        SmsDeliveryReport report = h.events(SmsDeliveryReport.class).get(0);
        assertThat(report.messageId()).isEqualTo(sent.messageId());
        assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(report.rawStatus()).isEqualTo(0x46);
        await().until(() -> h.sim.commands().contains("AT+CNMA"));
        assertThat(h.store.sent(sent.messageId()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void reportStoredInSrButAnnouncedAsSmIsReadFromSr() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "quectel").get(WAIT_SECONDS, TimeUnit.SECONDS);
        // Quectel EC25: "SM" slot 1 reads as an empty OK; the report is really in "SR".
        h.sim.respondOnce("AT+CMGR=1", "OK");
        int slot = h.sim.deliverReportStored(TestPdus.statusReport(sent.reference(), "+4917212345678", 0x00), "SM");
        assertThat(slot).isEqualTo(1);

        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        assertThat(h.events(SmsDeliveryReport.class).get(0).messageId()).isEqualTo(sent.messageId());
        await().until(() -> h.sim.storedSms().isEmpty());
        // The switch back to "SM" follows the delete that emptied the storage: wait for it rather than race it.
        await().untilAsserted(() -> {
            List<String> commands = h.sim.commands();
            assertThat(commands.subList(commands.lastIndexOf("AT+CMGL=4"), commands.size())).containsSubsequence(
                    "AT+CMGR=1", "AT+CPMS=\"SR\"", "AT+CMGR=1", "AT+CMGD=1", "AT+CPMS=\"SM\"");
        });
    }

    @Test
    void reportAnnouncedAsCmtiInSrIsAReport() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "cmti sr").get(WAIT_SECONDS, TimeUnit.SECONDS);
        int slot = h.sim.storeSms(TestPdus.statusReport(sent.reference(), "+4917212345678", 0x20));
        h.sim.urc("+CMTI: \"SR\"," + slot);

        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        SmsDeliveryReport report = h.events(SmsDeliveryReport.class).get(0);
        assertThat(report.messageId()).isEqualTo(sent.messageId());
        assertThat(report.status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void cdsReportReadBeforeTheSendRecordedItsPartIsStillCorrelated() throws Exception {
        RecordHeldStore held = new RecordHeldStore(h.store, 1);
        h.store = held;
        h.startAndAwaitSmsReady();
        CompletableFuture<SmsSendResult> sending = h.modem.sms().send(TO, "fast network");
        // The +CMGS: answer is in, the send thread has not recorded the TP-MR yet, and the report arrives.
        int reference = held.recording.get(WAIT_SECONDS, TimeUnit.SECONDS);
        h.sim.deliverReportDirect(TestPdus.statusReport(reference, "+4917212345678", 0x00));

        SmsSendResult sent = sending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(held.recordedAfterTheLook.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        assertThat(h.events(SmsDeliveryReport.class).get(0).messageId()).isEqualTo(sent.messageId());
        assertThat(h.store.sent(sent.messageId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(h.modem.sms().deliveryReports(10)).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo(sent.messageId()));
    }

    @Test
    void cdsiReportOfALaterPartReadBeforeItWasRecordedIsStillCorrelated() throws Exception {
        RecordHeldStore held = new RecordHeldStore(h.store, 2);
        h.store = held;
        h.startAndAwaitSmsReady();
        CompletableFuture<SmsSendResult> sending = h.modem.sms().send(TO, "y".repeat(200));
        int reference = held.recording.get(WAIT_SECONDS, TimeUnit.SECONDS);
        h.sim.deliverReportStored(TestPdus.statusReport(reference, "+4917212345678", 0x46), "SR");

        SmsSendResult sent = sending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(sent.references()).hasSize(2).endsWith(reference);
        assertThat(held.recordedAfterTheLook.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        assertThat(h.events(SmsDeliveryReport.class).get(0).messageId()).isEqualTo(sent.messageId());
        assertThat(h.store.sent(sent.messageId()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        await().until(() -> h.sim.storedSms().isEmpty());
    }

    @Test
    void reportMatchingNothingCarriesNoMessageIdAndIsStoredOnce() {
        h.startAndAwaitSmsReady();
        String pdu = TestPdus.statusReport(42, "+4917200000000", 0x00);
        h.sim.deliverReportDirect(pdu);
        h.sim.deliverReportDirect(pdu);

        await().until(() -> h.service.counters().duplicates.get() == 1);
        assertThat(h.events(SmsDeliveryReport.class)).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isNull());
        assertThat(h.modem.sms().deliveryReports(10)).extracting(StoredDeliveryReport::messageId)
                .containsExactly((Long) null);
    }

    @Test
    void reportsLeftOnTheSimAreSweptOnConnect() throws Exception {
        h.sim.storeSms(TestPdus.statusReport(7, "+4917212345678", 0x00));
        h.startAndAwaitSmsReady();
        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        await().until(() -> h.sim.storedSms().isEmpty());
    }
}
