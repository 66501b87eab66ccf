package dev.callstack.server.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.server.WebhookReceiver;
import dev.callstack.server.WebhookReceiver.Answer;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sender's HTTP client is built by the first attempt, once, and that attempt is delivered like any other. */
class WebhookSenderTest {
    @Test
    void theClientIsBuiltAtTheFirstAttemptAndThenReused() throws Exception {
        AtomicInteger built = new AtomicInteger();
        WebhookAddressGuard loopbackAllowed = new WebhookAddressGuard(true, InetAddress::getAllByName);
        WebhookSender sender = new WebhookSender(loopbackAllowed, WebhookTiming.defaults(),
                () -> {
                    built.incrementAndGet();
                    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                }, "test");
        assertThat(built).as("a server without webhooks builds no client").hasValue(0);

        try (WebhookReceiver receiver = WebhookReceiver.start(Answer.OK)) {
            WebhookSubscription subscription = new WebhookSubscription("wh_x", receiver.url("/hook").toString(),
                    List.of(), false, WebhookSecret.generate(), 0, 1, true, 0, 0);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

            assertThat(sender.attempt(subscription, 1, body).delivered()).isTrue();
            assertThat(sender.attempt(subscription, 2, body).delivered()).isTrue();

            assertThat(built).hasValue(1);
            assertThat(receiver.receivedOn("/hook")).extracting(WebhookReceiver.Received::id)
                    .containsExactly("1", "2");
        }
    }
}
