package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.EventBus;
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
             CallstackServer server = CallstackServer.builder(new SlowStoreModem(fake, entered, release))
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
    private record SlowStoreModem(FakeModem fake, CountDownLatch entered, CountDownLatch release) implements Modem {
        @Override
        public EventBus events() {
            return fake.events();
        }

        @Override
        public ModemState state() {
            return fake.state();
        }

        @Override
        public SmsApi sms() {
            SmsApi sms = fake.sms();
            return new SmsApi() {
                @Override
                public CompletableFuture<SmsSendResult> send(OutgoingSms outgoing) {
                    return sms.send(outgoing);
                }

                @Override
                public List<StoredSms> received(int limit, OptionalLong beforeId) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sms.received(limit, beforeId);
                }

                @Override
                public List<StoredDeliveryReport> deliveryReports(int limit) {
                    return sms.deliveryReports(limit);
                }
            };
        }

        @Override
        public UssdApi ussd() {
            return fake.ussd();
        }

        @Override
        public CallApi calls() {
            return fake.calls();
        }

        @Override
        public void close() {
            fake.close();
        }
    }
}
