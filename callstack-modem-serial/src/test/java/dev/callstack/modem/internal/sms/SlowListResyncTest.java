package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.testkit.sim.AnswerPause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code +CMGL} list that stops half-way and finishes after the host's timeout (a slow modem with a full SIM): the
 * half list is not taken as complete, the executor resynchronises (ESC, then a probe) so the late tail never answers
 * the next command, and the next sweep reads everything.
 */
class SlowListResyncTest {
    private final SmsHarness h = new SmsHarness().commandTimeout(Duration.ofSeconds(2));

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void halfListIsNotCompleteLateTailIsDiscardedAndNextSweepGetsEverything() throws Exception {
        for (int i = 1; i <= 3; i++) {
            h.sim.storeSms(TestPdus.single("+491720000000" + i, "stored " + i));
        }
        // The first entry (header and PDU line) goes out, then the modem stalls past the 2 s command timeout.
        AnswerPause pause = h.sim.pauseAnswer("AT+CMGL=4", 2);
        h.start();
        assertThat(pause.awaitPaused(Duration.ofSeconds(30))).isTrue();
        // The connect hook returns only once the sweep gave up on the list: nothing was taken from the half list.
        // Bounded by the list timeout, three unanswered resync probes and the storage-fill read that follows the sweep.
        await().atMost(Duration.ofSeconds(30)).until(() -> h.smsReadyCount() == 1);
        assertThat(h.events(SmsReceived.class)).isEmpty();
        assertThat(h.sim.storedSms()).hasSize(3);

        pause.release();
        // The tail and its OK arrive now, before the answer to the probe the host sent after ESC; the next command
        // gets its own answer.
        SmsSendResult sent = h.modem.sms().send(PhoneNumber.of("+4917212345678"), "after resync")
                .get(30, TimeUnit.SECONDS);
        assertThat(sent.parts()).isEqualTo(1);
        assertThat(h.sim.sentPdus()).hasSize(1);
        List<String> commands = h.sim.commands();
        assertThat(commands).containsSubsequence("AT+CMGL=4", "AT+CPIN?").doesNotContain("AT+CMGD=1");
        assertThat(commands.subList(commands.lastIndexOf("AT+CPIN?"), commands.size()))
                .anyMatch(c -> c.startsWith("AT+CMGS="));

        // The next sweep (a reconnect here) reads and deletes every message, each once.
        h.unplug();
        h.replug();
        await().until(() -> h.events(SmsReceived.class).size() == 3 && h.sim.storedSms().isEmpty());
        assertThat(h.events(SmsReceived.class)).extracting(SmsReceived::body)
                .containsExactlyInAnyOrder("stored 1", "stored 2", "stored 3");
    }
}
