package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real server serves HTTP and {@code /ws} on every transport this machine has. */
class TransportTest {

    /** NIO always; epoll where it loads (Linux x86-64 and 64-bit ARM), so the test runs there for real. */
    static List<ServerTransport> availableTransports() {
        List<ServerTransport> transports = new ArrayList<>(List.of(ServerTransport.NIO));
        if (Epoll.isAvailable()) {
            transports.add(ServerTransport.EPOLL);
        }
        return transports;
    }

    @ParameterizedTest
    @MethodSource("availableTransports")
    void servesHealthAndWebSocketEvents(ServerTransport transport) {
        try (TestServer server = TestServer.start(b -> b.transport(transport))) {
            assertThat(server.server.transport()).isEqualTo(transport.name().toLowerCase(Locale.ROOT));
            assertThat(server.get("/healthz", PLAIN_KEY).statusCode()).isEqualTo(200);
            WsClient client = WsClient.connect(server, "/ws", PLAIN_KEY);
            try {
                client.next();
                server.modem.signal(17, 0);
                assertThat(client.nextJson().get("type").asText()).isEqualTo("signal.quality");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void autoTakesEpollWhereItLoads() {
        try (TestServer server = TestServer.start(b -> b.transport(ServerTransport.AUTO))) {
            assertThat(server.server.transport()).isEqualTo(Epoll.isAvailable() ? "epoll" : "nio");
        }
    }
}
