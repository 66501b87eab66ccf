package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AtModemSimulatorCloseTest {

    static List<String> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("callstack-sim"))
                .collect(Collectors.toList());
    }

    @Test
    void closeStopsEveryThreadAndSocket() throws Exception {
        AtModemSimulator sim = new AtModemSimulator();
        // Each new link replaces the previous one, but socat keeps running until close().
        PtyEndpoint pty = AtModemSimulator.socatAvailable() ? sim.openPty() : null;
        SimulatorPipe pipe = sim.openPipe();
        HostEnd pipeHost = HostEnd.of(pipe);
        InetSocketAddress address = sim.listenTcp();
        Socket socket = new Socket(address.getAddress(), address.getPort());
        HostEnd tcpHost = new HostEnd(socket.getInputStream(), socket.getOutputStream(), socket);
        assertThat(tcpHost.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        sim.delay("AT+CSQ", Duration.ofMinutes(10));
        tcpHost.send("AT+CSQ\r");
        tcpHost.send("AT+CUSD=1,\"*100#\",15\r");
        tcpHost.awaitReceived(",15\r\n");
        assertThat(simulatorThreads()).isNotEmpty();

        sim.close();

        if (pty != null) {
            assertThat(pty.hostDevice()).doesNotExist();
            assertThat(pty.hostDevice().getParent()).doesNotExist();
        }

        tcpHost.awaitEof();
        pipeHost.awaitEof();
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
        await().atMost(HostEnd.TIMEOUT).untilAsserted(() -> assertThat(simulatorThreads()).isEmpty());
        tcpHost.close();
        pipeHost.close();
        sim.close();
    }

    @Test
    void unplugDuringADelayedAnswerDropsItAndReplugServesAgain() throws Exception {
        try (AtModemSimulator sim = new AtModemSimulator()) {
            InetSocketAddress address = sim.listenTcp();
            sim.delay("AT+CSQ", Duration.ofHours(1));
            Socket socket = new Socket(address.getAddress(), address.getPort());
            try (HostEnd host = new HostEnd(socket.getInputStream(), socket.getOutputStream(), socket)) {
                host.send("AT+CSQ\r");
                assertThat(sim.takeCommand(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("AT+CSQ");
                sim.unplug();
                host.awaitEof();
                assertThat(host.received()).isEmpty();
            }
            sim.replug();
            sim.clearResponses();
            Socket again = new Socket(address.getAddress(), address.getPort());
            try (HostEnd host = new HostEnd(again.getInputStream(), again.getOutputStream(), again)) {
                assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
            }
        }
    }

    @Test
    void closedSimulatorRefusesNewLinksButIgnoresUrcs() {
        AtModemSimulator sim = new AtModemSimulator();
        sim.close();
        sim.urc("RING");
        assertThatThrownBy(sim::openPipe).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sim::listenTcp).isInstanceOf(IllegalStateException.class);
    }
}
