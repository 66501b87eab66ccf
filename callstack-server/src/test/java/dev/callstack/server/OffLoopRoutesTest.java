package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.Modem;
import dev.callstack.core.StoredSms;
import dev.callstack.testkit.FakeModem;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Store queries block; they must not hold up the event loop that other connections share. */
class OffLoopRoutesTest {

    @Test
    void aSlowMessageStoreDoesNotStallOtherConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (FakeModem fake = new FakeModem();
             CallstackServer server = CallstackServer.builder(slowStore(fake, entered, release))
                     .port(0).ioThreads(1).apiKey(PLAIN_KEY).shutdownGrace(Duration.ofSeconds(2)).build()) {
            int port = server.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> listing = http.sendAsync(
                    request(port, "/sms/messages"), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("store query started")
                    .isTrue();
            try {
                // Same single event loop, other connection: answers while the query is still running.
                HttpResponse<String> metrics = http.send(request(port, "/metrics"),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(listing).isNotDone();
            } finally {
                release.countDown();
            }
            assertThat(listing.get(TestServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .timeout(TestServer.TIMEOUT).header("Authorization", "Bearer " + PLAIN_KEY).GET().build();
    }

    /** A modem whose inbound-message query blocks until released, like a store behind a busy disk. */
    private static Modem slowStore(FakeModem fake, CountDownLatch entered, CountDownLatch release) {
        return new ModemWithSms(fake, new ModemWithSms.Forwarding(fake.sms()) {
            @Override
            public List<StoredSms> received(int limit, OptionalLong beforeId) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.received(limit, beforeId);
            }
        });
    }
}
