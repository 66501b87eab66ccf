package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.UssdCode;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code tcp://host:port} through {@code TcpConnector} against the simulator's TCP listener. */
class TcpModemTest {

    @Test
    void connectsOverTcpAndReconnectsWhenTheServerComesBack() throws Exception {
        List<ModemEvent> events = new CopyOnWriteArrayList<>();
        try (AtModemSimulator sim = new AtModemSimulator()) {
            InetSocketAddress address = sim.listenTcp();
            SerialModemConfig config = SimHarness.fastConfig()
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                    .build();
            config = SerialModemConfig.builder("tcp://127.0.0.1:" + address.getPort())
                    .commandTimeout(config.commandTimeout())
                    .signalPollInterval(config.signalPollInterval())
                    .reconnectBackoff(config.reconnectInitialDelay(), config.reconnectMaxDelay())
                    .build();
            try (SerialModem modem = SerialModem.builder(config).build()) {
                modem.events().subscribe(ModemEvent.class, events::add, dev.callstack.core.event.Delivery.inline());
                modem.start();
                await().until(() -> modem.state().connected());
                sim.unplug();
                await().until(() -> !modem.state().connected());
                sim.replug();
                await().until(() -> modem.state().connected());
                sim.ussdReply("*100#", 0, "tcp ok", 15);
                assertThat(modem.ussd().send(UssdCode.of("*100#"), Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS)
                        .message()).isEqualTo("tcp ok");
            }
        }
        assertThat(events).filteredOn(e -> e instanceof ModemConnected || e instanceof ModemDisconnected)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ModemConnected", "ModemDisconnected", "ModemConnected", "ModemDisconnected");
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }
}
