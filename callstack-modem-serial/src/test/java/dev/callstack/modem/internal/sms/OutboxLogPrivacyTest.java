package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callstack.core.IdempotencyConflictException;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A full outbox scenario with debug logging on: no number, body or idempotency key reaches the log. */
class OutboxLogPrivacyTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917298765432");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;
    private SmsHarness h;

    @TempDir
    Path dir;

    @BeforeEach
    void attach() {
        logger = (Logger) LoggerFactory.getLogger("dev.callstack");
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        if (h != null) {
            h.close();
        }
        logger.detachAppender(appender);
    }

    private static OutboxRequest request(String body, boolean retryUnknown, String key) {
        return new OutboxRequest(OutgoingSms.of(TO, body), null, Duration.ofHours(1), OutboxPriority.HIGH,
                retryUnknown, key);
    }

    @Test
    void queuedSentRetriedFailedUnknownDeliveredAndReplayedLeaveNoPii() throws Exception {
        h = new SmsHarness(dir.resolve("store.db"))
                .settings(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)).withSendRate(0));
        h.startAndAwaitSmsReady();
        Outbox outbox = h.modem.outbox();

        long sent = outbox.enqueue(request("Your code is 918273", false, "tenant-7:secret-key-XYZ"))
                .entry().messageId();
        int reference = outbox.awaitFinal(sent).get(30, TimeUnit.SECONDS).parts().get(0).reference();
        h.sim.deliverReportDirect(TestPdus.statusReport(reference, "+4917298765432", 0x00));
        assertThat(outbox.enqueue(request("Your code is 918273", false, "tenant-7:secret-key-XYZ")).replayed())
                .isTrue();
        assertThatThrownBy(() -> outbox.enqueue(request("Other private words", false, "tenant-7:secret-key-XYZ")))
                .isInstanceOf(IdempotencyConflictException.class);

        h.sim.answerNextSubmit("+CMS ERROR: 21");
        long failed = outbox.enqueue(request("Refused private words", false, null)).entry().messageId();
        assertThat(outbox.awaitFinal(failed).get(30, TimeUnit.SECONDS).status()).isEqualTo(OutboxStatus.FAILED);

        h.sim.answerNextSubmit("+CMS ERROR: 302");
        long retried = outbox.enqueue(request("Retried private words", false, null)).entry().messageId();
        await().until(() -> outbox.find(retried).orElseThrow().error() != null);
        h.clock.advance(Duration.ofSeconds(5));
        h.service.wakeOutbox();
        assertThat(outbox.awaitFinal(retried).get(30, TimeUnit.SECONDS).status()).isEqualTo(OutboxStatus.SENT);

        h.sim.holdSubmits(true);
        long unknown = outbox.enqueue(request("Lost private words", false, null)).entry().messageId();
        assertThat(outbox.awaitFinal(unknown).get(30, TimeUnit.SECONDS).status()).isEqualTo(OutboxStatus.UNKNOWN);
        h.sim.holdSubmits(false);
        await().until(() -> outbox.find(sent).orElseThrow().status()
                == OutboxStatus.DELIVERED);

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(m -> m.contains("Outbox message " + sent + " queued"));
        assertThat(lines).anyMatch(m -> m.contains("Outbox message " + failed));
        assertThat(String.join("\n", lines))
                .doesNotContain("98765432")
                .doesNotContain("918273")
                .doesNotContain("private words")
                .doesNotContain("secret-key")
                .doesNotContain("tenant-7");
    }
}
