package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmsOverTcpTest {

    @Test
    void publicBuilderOptionRunsTheServiceOverTcpAndCloseStopsItsThreads() throws Exception {
        List<ModemEvent> events = new CopyOnWriteArrayList<>();
        try (AtModemSimulator sim = new AtModemSimulator(); SqliteMessageStore store = SqliteMessageStore.inMemory()) {
            InetSocketAddress address = sim.listenTcp();
            SerialModemConfig config = SerialModemConfig.builder("tcp://127.0.0.1:" + address.getPort())
                    .commandTimeout(Duration.ofSeconds(10)).signalPollInterval(Duration.ofHours(1)).build();
            SerialModem modem = SerialModem.builder(config).messageStore(store).build();
            try {
                modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
                modem.start();
                await().until(() -> sim.commands().contains("AT+CMGL=4"));

                // The send waits for the SMS init the sweep belongs to; only a broken send takes this long.
                SmsSendResult sent = modem.sms().send(PhoneNumber.of("+15550100100"), "over tcp")
                        .get(30, TimeUnit.SECONDS);
                sim.deliverReportDirect(TestPdus.statusReport(sent.reference(), "+15550100100", 0));
                sim.deliverStored(TestPdus.single("+15550100199", "inbound over tcp"));

                await().until(() -> events.stream().anyMatch(SmsReceived.class::isInstance)
                        && events.stream().anyMatch(SmsDeliveryReport.class::isInstance));
                assertThat(events.stream().filter(SmsDeliveryReport.class::isInstance).map(SmsDeliveryReport.class::cast)
                        .findFirst().orElseThrow().messageId()).isEqualTo(sent.messageId());
                assertThat(sim.sentPdus()).hasSize(1);
            } finally {
                modem.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("callstack-sms-")));
    }
}
