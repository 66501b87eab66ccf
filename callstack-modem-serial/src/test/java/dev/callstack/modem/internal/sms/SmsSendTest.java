package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsEncoding;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.store.SentMessage;
import dev.callstack.modem.pdu.Coding;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.SmsSubmit;
import dev.callstack.modem.pdu.SmsSubmitEncoder;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.pdu.SubmitRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmsSendTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");
    /** How long a test waits for a send that must finish: only a broken send takes anywhere near this long. */
    private static final long WAIT_SECONDS = 30;

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void singleGsm7MessageGoesOutAsOnePduAndIsStoredWithItsReference() throws Exception {
        h.startAndAwaitSmsReady();
        SmsSendResult sent = h.modem.sms().send(TO, "Hello {world} €5").get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(sent.references()).containsExactly(0);
        assertThat(h.sim.sentPdus()).hasSize(1);
        SmsSubmit pdu = submit(h.sim.sentPdus().get(0));
        assertThat(pdu.text()).isEqualTo("Hello {world} €5");
        assertThat(pdu.coding()).isEqualTo(Coding.GSM7);
        assertThat(pdu.recipient().value()).isEqualTo("+4917212345678");
        assertThat(pdu.statusReportRequest()).isTrue();
        assertThat(pdu.concatenation()).isEmpty();

        await().until(() -> h.events(SmsSent.class).size() == 1);
        SmsSent event = h.events(SmsSent.class).get(0);
        assertThat(event.messageId()).isEqualTo(sent.messageId());
        assertThat(event.references()).containsExactly(0);
        SentMessage stored = h.store.sent(sent.messageId()).orElseThrow();
        assertThat(stored.parts()).isEqualTo(1);
        assertThat(stored.sentParts()).singleElement().satisfies(p -> assertThat(p.reference()).isEqualTo(0));
    }

    @Test
    void multipartGsm7GoesOutInOrderWithOneConcatenationReference() throws Exception {
        h.startAndAwaitSmsReady();
        String text = "abcdefghij".repeat(40);
        SmsSendResult sent = h.modem.sms().send(TO, text).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(sent.references()).containsExactly(0, 1, 2);
        List<SmsSubmit> parts = h.sim.sentPdus().stream().map(SmsSendTest::submit).toList();
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.coding()).isEqualTo(Coding.GSM7));
        assertThat(parts).extracting(p -> p.concatenation().orElseThrow().sequence()).containsExactly(1, 2, 3);
        assertThat(parts).extracting(p -> p.concatenation().orElseThrow().reference()).containsOnly(
                parts.get(0).concatenation().orElseThrow().reference());
        assertThat(String.join("", parts.stream().map(SmsSubmit::text).toList())).isEqualTo(text);
        assertThat(h.store.sent(sent.messageId()).orElseThrow().sentParts())
                .extracting(p -> p.part() + ":" + p.reference()).containsExactly("1:0", "2:1", "3:2");
    }

    @Test
    void multipartUcs2KeepsEmojiWhole() throws Exception {
        h.startAndAwaitSmsReady();
        String text = "Привет 😀 ".repeat(12);
        SmsSendResult sent = h.modem.sms().send(TO, text).get(WAIT_SECONDS, TimeUnit.SECONDS);

        List<SmsSubmit> parts = h.sim.sentPdus().stream().map(SmsSendTest::submit).toList();
        assertThat(parts).hasSize(sent.parts()).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.coding()).isEqualTo(Coding.UCS2));
        assertThat(String.join("", parts.stream().map(SmsSubmit::text).toList())).isEqualTo(text);
        await().until(() -> h.events(SmsSent.class).size() == 1);
        assertThat(h.events(SmsSent.class).get(0).parts()).isEqualTo(parts.size());
    }

    @Test
    void forcedUcs2AndValidityAreEncoded() throws Exception {
        h.startAndAwaitSmsReady();
        h.modem.sms().send(new OutgoingSms(TO, "plain", SmsEncoding.UCS2, false, Duration.ofHours(1)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        SmsSubmit pdu = submit(h.sim.sentPdus().get(0));
        assertThat(pdu.coding()).isEqualTo(Coding.UCS2);
        assertThat(pdu.statusReportRequest()).isFalse();
        assertThat(pdu.validityPeriodFormat()).isEqualTo(2);
    }

    @Test
    void cmsErrorIsARejectionKeepingTheCodeAndNoContent() throws Exception {
        h.startAndAwaitSmsReady();
        SubmitPdu only = encode("secret text", 1).get(0);
        h.sim.respond("AT+CMGS=" + only.tpduLength(), "+CMS ERROR: 500");

        CompletableFuture<SmsSendResult> future = h.modem.sms().send(TO, "secret text");
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ModemRejectedException.class, e -> {
                    assertThat(e.code()).hasValue(500);
                    assertThat(e.getMessage()).contains("after 0 of 1 part")
                            .doesNotContain("secret").doesNotContain("12345678");
                });
        assertThat(h.events(SmsSent.class)).isEmpty();
    }

    @Test
    void disconnectInTheMiddleOfAMultipartSendSaysHowManyPartsWentOut() throws Exception {
        h.startAndAwaitSmsReady();
        String text = "x".repeat(153 * 2 + 20);
        List<SubmitPdu> pdus = encode(text, 3);
        int last = pdus.get(2).tpduLength();
        assertThat(pdus.get(0).tpduLength()).isNotEqualTo(last);
        h.sim.drop("AT+CMGS=" + last);

        CompletableFuture<SmsSendResult> future = h.modem.sms().send(TO, text);
        await().until(() -> h.sim.commands().contains("AT+CMGS=" + last));
        assertThat(h.sim.sentPdus()).hasSize(2);
        h.unplug();

        assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ModemUnavailableException.class)
                .hasMessageContaining("SMS send failed after 2 of 3 parts")
                .hasMessageNotContaining("12345678");
        assertThat(h.events(SmsSent.class)).isEmpty();
    }

    @Test
    void sendRightAfterConnectWaitsForPduMode() throws Exception {
        h.sim.delay("AT+CMGF=0", Duration.ofMillis(300));
        h.start();
        await().until(() -> h.modem.state().connected());
        h.modem.sms().send(TO, "early").get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<String> commands = h.sim.commands();
        int cmgs = commands.indexOf(commands.stream().filter(c -> c.startsWith("AT+CMGS=")).findFirst().orElseThrow());
        assertThat(commands.indexOf("AT+CMGF=0")).isNotNegative().isLessThan(cmgs);
    }

    @Test
    void sendIsRefusedWhenTheModemRefusedPduMode() {
        h.sim.respond("AT+CMGF=0", "ERROR");
        // The init is retried while connected; a send waits for it no longer than its send timeout.
        h.settings(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(1)));
        h.startAndAwaitSmsReady();

        assertThatThrownBy(() -> h.modem.sms().send(TO, "not as text").get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(dev.callstack.core.ModemUnavailableException.class)
                .hasMessageContaining("not initialised");
        assertThat(h.sim.commands()).noneMatch(c -> c.startsWith("AT+CMGS"));
    }

    @Test
    void unansweredPartIsATimeoutNamingThePartsSent() {
        // The first part must go out within this timeout and the second must not: 300 ms was too little for one
        // local exchange on a loaded 2-core box. This wait is what the test costs.
        h.settings(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)));
        h.startAndAwaitSmsReady();
        String text = "y".repeat(153 + 30);
        List<SubmitPdu> pdus = encode(text, 2);
        h.sim.drop("AT+CMGS=" + pdus.get(1).tpduLength());

        assertThatThrownBy(() -> h.modem.sms().send(TO, text).get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(dev.callstack.core.ModemTimeoutException.class)
                .hasMessageContaining("SMS send failed after 1 of 2 parts");
        assertThat(h.sim.sentPdus()).hasSize(1);
    }

    @Test
    void cmgsTimeoutAfterThePayloadSaysItMayHaveBeenSentAndIsNotRetried() {
        h.settings(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(2)));
        h.startAndAwaitSmsReady();
        List<SubmitPdu> pdus = encode("quiet", 1);
        // The prompt comes and the PDU goes out, then the modem never answers: the network may have it.
        h.sim.drop(pdus.get(0).hex());

        assertThatThrownBy(() -> h.modem.sms().send(TO, "quiet").get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(dev.callstack.core.ModemTimeoutException.class)
                .hasMessageContaining("may have been sent").hasMessageContaining("not retried");
        // The executor's resync follows; the send is not repeated.
        await().until(() -> {
            List<String> commands = h.sim.commands();
            int cmgs = commands.size() - 1;
            while (cmgs >= 0 && !commands.get(cmgs).startsWith("AT+CMGS=")) {
                cmgs--;
            }
            return cmgs >= 0 && commands.subList(cmgs, commands.size()).contains("AT+CPIN?");
        });
        assertThat(h.sim.sentPdus()).hasSize(1);
        assertThat(h.sim.commands()).filteredOn(c -> c.startsWith("AT+CMGS=")).hasSize(1);
    }

    @Test
    void sendWhileNotConnectedFailsAsUnavailable() {
        h.start();
        await().until(() -> h.modem.state().connected());
        h.unplug();
        await().until(() -> !h.modem.state().connected());
        CompletableFuture<SmsSendResult> future = h.modem.sms().send(TO, "hi");
        assertThatThrownBy(future::join).cause().isInstanceOf(ModemUnavailableException.class);
    }

    @Test
    void textThatCannotBeEncodedIsAnInvalidRequest() {
        h.startAndAwaitSmsReady();
        assertThatThrownBy(() -> h.modem.sms().send(new OutgoingSms(TO, "emoji 😀", SmsEncoding.GSM7, false, null))
                .join()).cause().isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> h.modem.sms().send(TO, "broken \uD83D text").join()).cause()
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> h.modem.sms().send(new OutgoingSms(TO, "😀".repeat(70 * 255), SmsEncoding.AUTO,
                false, null)).join()).cause().isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("255");
        assertThat(h.sim.sentPdus()).isEmpty();
    }

    @Test
    void concurrentMultipartSendsDoNotInterleave() throws Exception {
        h.startAndAwaitSmsReady();
        List<CompletableFuture<SmsSendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(h.modem.sms().send(TO, Character.toString('a' + i).repeat(300)));
        }
        for (CompletableFuture<SmsSendResult> f : futures) {
            assertThat(f.get(WAIT_SECONDS, TimeUnit.SECONDS).parts()).isEqualTo(2);
        }
        List<SmsSubmit> parts = h.sim.sentPdus().stream().map(SmsSendTest::submit).toList();
        assertThat(parts).hasSize(6);
        for (int m = 0; m < 3; m++) {
            SmsSubmit first = parts.get(2 * m);
            SmsSubmit second = parts.get(2 * m + 1);
            assertThat(first.concatenation().orElseThrow().sequence()).isEqualTo(1);
            assertThat(second.concatenation().orElseThrow().sequence()).isEqualTo(2);
            assertThat(second.concatenation().orElseThrow().reference())
                    .isEqualTo(first.concatenation().orElseThrow().reference());
            assertThat(second.text().charAt(0)).isEqualTo(first.text().charAt(0));
        }
    }

    private static List<SubmitPdu> encode(String text, int expectedParts) {
        List<SubmitPdu> pdus = SmsSubmitEncoder.encode(new SubmitRequest(TO, text, SmsEncoding.AUTO, true, null,
                0, false));
        assertThat(pdus).hasSize(expectedParts);
        return pdus;
    }

    private static SmsSubmit submit(String hex) {
        try {
            return (SmsSubmit) PduDecoder.decode(hex);
        } catch (Exception e) {
            throw new AssertionError("PDU the simulator received does not decode", e);
        }
    }
}
