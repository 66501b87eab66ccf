package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.testkit.FakeModem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoPiiInLogs.class)
class ShutdownTest {
    @Test
    void closeFinishesTheRequestInFlightThenStopsAccepting() throws Exception {
        // close() gives up waiting for the request after the grace period, and the test asserts it has not: the
        // grace must outlast any stall of this thread between starting close() and that assertion.
        TestServer server = TestServer.start(b -> b.shutdownGrace(TestServer.TIMEOUT));
        try {
            server.modem.nextSendHangs();
            CompletableFuture<HttpResponse<String>> pending = server.http.sendAsync(
                    // wait= keeps the request in flight until the message is final.
                    server.request("/sms/send?wait=60", PLAIN_KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+15550100100\",\"body\":\"hi\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(TestServer.TIMEOUT).until(() -> !server.modem.sentSms().isEmpty());

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server.server::close);
            // Closing starts by no longer accepting: once that shows, close() is under way (on a busy machine the
            // pool thread running it may start late, and the modem must not answer before it has).
            await().atMost(TestServer.TIMEOUT).until(() -> refusesConnections(server.port));
            // The server waits for the request; the modem answering lets it finish with a real response.
            assertThat(closing).isNotDone();
            server.modem.disconnect("unplugged");
            HttpResponse<String> response = pending.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"unknown\"");
            closing.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    server.http.send(server.request("/healthz", PLAIN_KEY).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return "answered";
                } catch (Exception refused) {
                    return "refused";
                }
            }).get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("refused");
        } finally {
            server.close();
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TestServer.TIMEOUT.toMillis());
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    @Test
    void closeModemOnCloseClosesTheModem() throws Exception {
        FakeModem modem = new FakeModem();
        CallstackServer server = CallstackServer.builder(modem).port(0).noAuth(true).closeModemOnClose(true)
                .build();
        server.start();
        server.close();
        assertThat(modem.sms().send(dev.callstack.core.PhoneNumber.of("+15550100100"), "x"))
                .failsWithin(Duration.ofSeconds(5));
        server.close(); // idempotent
    }

    @Test
    void theCallerKeepsItsModemByDefault() throws Exception {
        try (FakeModem modem = new FakeModem()) {
            CallstackServer server = CallstackServer.builder(modem).port(0).noAuth(true).build();
            server.start();
            server.close();
            assertThat(modem.sms().send(dev.callstack.core.PhoneNumber.of("+15550100100"), "x"))
                    .succeedsWithin(Duration.ofSeconds(5));
        }
    }
}
