package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AtModemSimulatorTcpTest {
    private AtModemSimulator sim;
    private InetSocketAddress address;

    @BeforeEach
    void open() {
        sim = new AtModemSimulator();
        address = sim.listenTcp();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private static HostEnd connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        return new HostEnd(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    @Test
    void listensOnLoopbackAndAnswersCommands() throws Exception {
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(sim.listenTcp()).isEqualTo(address);
        try (HostEnd host = connect(address)) {
            assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
            host.send("AT+CUSD=1,\"*100#\",15\r");
            assertThat(host.awaitReceived(",15\r\n"))
                    .isEqualTo("\r\nOK\r\n\r\n+CUSD: 0,\"Simulated balance 10.00\",15\r\n");
        }
    }

    @Test
    void scriptingAndUrcsWorkOverTcp() throws Exception {
        sim.respondOnce("AT+CSQ", "+CSQ: 1,1", "OK");
        sim.splitWrites(1);
        try (HostEnd host = connect(address)) {
            assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 1,1\r\n\r\nOK\r\n");
            awaitCommand("AT+CSQ");
            sim.incomingCall("5550100");
            assertThat(host.awaitReceived(",0\r\n")).isEqualTo("\r\nRING\r\n\r\n+CLIP: \"5550100\",129,\"\",0,\"\",0\r\n");
        }
    }

    @Test
    void aNewConnectionReplacesTheOldOne() throws Exception {
        try (HostEnd first = connect(address)) {
            assertThat(first.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
            try (HostEnd second = connect(address)) {
                first.awaitEof();
                assertThat(second.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
            }
        }
    }

    @Test
    void unplugDropsTheConnectionAndReplugListensOnTheSamePort() throws Exception {
        try (HostEnd host = connect(address)) {
            assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
            sim.unplug();
            host.awaitEof();
        }
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);

        sim.replug();
        try (HostEnd host = connect(address)) {
            assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        }
    }

    private void awaitCommand(String expected) {
        assertThat(sim.takeCommand(HostEnd.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(expected);
    }
}
