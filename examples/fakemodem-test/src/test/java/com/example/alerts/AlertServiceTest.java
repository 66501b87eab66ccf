package com.example.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventStream;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.testkit.FakeModem;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The "Testing with FakeModem" example of Callstack's README.md, built against the published artifacts. */
class AlertServiceTest {

    @Test
    void alertIsSentAndItsDeliveryReportIsCorrelated() throws Exception {
        try (FakeModem modem = new FakeModem()) {
            // script: what the "network" does next
            modem.nextSendSucceeds(42);
            EventStream<SmsDeliveryReport> reports = modem.events().stream(SmsDeliveryReport.class, 16);

            // exercise: the code under test only knows the Modem interface
            SmsSendResult sent = new AlertService(modem).alert("+15550100100", "Disk full on db-1").join();

            // verify: what was sent, and what the events say
            assertThat(sent.references()).containsExactly(42);
            assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("Disk full on db-1");
            modem.deliveryReport(42, "+15550100100", DeliveryStatus.DELIVERED);
            assertThat(reports.poll(Duration.ofSeconds(5)).messageId()).isEqualTo(sent.messageId());
        }
    }

    @Test
    void alertFailsWhenTheNetworkDoesNotAnswer() {
        try (FakeModem modem = new FakeModem()) {
            modem.nextSendTimesOut();

            CompletableFuture<SmsSendResult> sending = new AlertService(modem).alert("+15550100100", "Disk full");

            assertThatThrownBy(sending::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ModemTimeoutException.class);
        }
    }
}
