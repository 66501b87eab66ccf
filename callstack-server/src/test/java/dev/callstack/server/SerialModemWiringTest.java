package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.server.internal.ModemFactory;
import dev.callstack.server.internal.OpenedModem;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --modem tcp://...}: the real AT stack on the SQLite store, against the AT simulator. */
class SerialModemWiringTest {
    @TempDir
    Path dir;

    @Test
    void aTcpModemComesUpBehindTheServerWithItsStore() throws Exception {
        LogCapture.install();
        try (AtModemSimulator simulator = new AtModemSimulator()) {
            InetSocketAddress address = simulator.listenTcp();
            OpenedModem opened = ModemFactory.open("tcp://127.0.0.1:" + address.getPort(), null, dir.resolve("c.db"));
            try (CallstackServer server = CallstackServer.builder(opened.modem()).port(0).noAuth(true)
                    .storeReady(opened.storeReady()).closeModemOnClose(true).build()) {
                int port = server.start();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .build();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                HttpResponse<String> messages = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sms/messages")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(messages.statusCode()).isEqualTo(200);
                assertThat(messages.body()).isEqualTo("{\"messages\":[],\"next_before\":null}");
                assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).body())
                        .contains("\"modem_connected\":true", "\"store_ready\":true");
            }
            assertThat(dir.resolve("c.db")).exists();
        }
        LogCapture.assertNoPii();
    }

    @Test
    void anUnopenableStoreIsAClearStartupError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModemFactory.open("tcp://127.0.0.1:9", null, dir)
                        .modem().close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot open the message store");
    }
}
