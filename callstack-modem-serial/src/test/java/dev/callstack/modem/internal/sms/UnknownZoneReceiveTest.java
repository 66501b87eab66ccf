package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over the simulator: a message and a delivery report whose service-centre time zone octet is not BCD
 * (as python-gsmmodem #15 captured from a real operator) are stored, announced and deleted like any other.
 */
class UnknownZoneReceiveTest {
    private static final String FROM = "+4917298765432";
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");
    /** TestPdus.SCTS (2026-11-21 10:00:00, zone 00) as swapped BCD. */
    private static final String SCTS = "62111201000000";
    private static final String SCTS_BAD_ZONE = "621112010000C2";

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void messageWithNonBcdZoneIsStoredAndDeleted() {
        h.startAndAwaitSmsReady();
        String pdu = TestPdus.single(FROM, "zone?");
        assertThat(pdu).contains(SCTS);
        int slot = h.sim.deliverStored(pdu.replace(SCTS, SCTS_BAD_ZONE));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.body()).isEqualTo("zone?");
        assertThat(event.smscTimestamp()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.sim.commands()).containsSubsequence("AT+CMGR=" + slot, "AT+CMGD=" + slot);
    }

    @Test
    void deliveryReportWithNonBcdZoneIsCorrelated() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "track me").get(30, TimeUnit.SECONDS);
        String report = TestPdus.statusReport(sent.reference(), "+4917212345678", 0x00);
        assertThat(report).contains(SCTS);
        h.sim.deliverReportStored(report.replace(SCTS, SCTS_BAD_ZONE), "SR");

        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        assertThat(h.events(SmsDeliveryReport.class).get(0).messageId()).isEqualTo(sent.messageId());
        assertThat(h.store.sent(sent.messageId()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        await().until(() -> h.sim.storedSms().isEmpty());
    }
}
