package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.modem.internal.ModemContext;
import dev.callstack.modem.internal.SmsModule;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.internal.urc.SmsUrc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialModemServicesTest {
    private static final String PDU = "07918497483252F0840B918496445078F700007121320144744004D4F29C0E";
    /** USSD timeout of requests that must be answered: a reply comes in milliseconds, unless the box is stalled. */
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private final SimHarness h = new SimHarness();

    @AfterEach
    void tearDown() {
        h.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }

    /**
     * A connected modem that has also answered the signal poll every connect starts with (the next one is an hour
     * away): from here on, every command the simulator receives is the test's own.
     */
    private SerialModem connected() {
        SerialModem modem = h.start(SimHarness.fastConfig().build());
        await().until(() -> modem.state().connected() && modem.state().signal() != null);
        return modem;
    }

    /** Only a broken request takes anywhere near this long. */
    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void ussdRoundTripCompletesWithTheReplyAndPublishesIt() throws Exception {
        SerialModem modem = connected();
        h.sim.ussdReply("*100#", 0, "Balance 5.00", 15);
        UssdResponse r = get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT));
        assertThat(r.status()).isZero();
        assertThat(r.message()).isEqualTo("Balance 5.00");
        assertThat(r.dataCodingScheme()).isEqualTo(15);
        assertThat(h.sim.commands()).contains("AT+CUSD=1,\"*100#\",15");
        await().until(() -> h.events(UssdResponse.class).size() == 1);
    }

    @Test
    void ussdReplyBeforeOkIsAcceptedToo() throws Exception {
        SerialModem modem = connected();
        h.sim.respond("AT+CUSD=1,\"*101#\",15", "+CUSD: 1,\"00480069\",72", "OK");
        UssdResponse r = get(modem.ussd().send(UssdCode.of("*101#"), REPLY_WAIT));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("Hi");
    }

    @Test
    void ussdStatusFourIsRejected() {
        SerialModem modem = connected();
        h.sim.ussdReply("*102#", 4, null, 15);
        assertThatThrownBy(() -> get(modem.ussd().send(UssdCode.of("*102#"), REPLY_WAIT)))
                .cause().isInstanceOf(ModemRejectedException.class);
    }

    @Test
    void ussdCmeErrorKeepsItsCode() {
        // testdata/at-transcripts.md §4: AT+CUSD=... -> +CME ERROR: 132
        SerialModem modem = connected();
        h.sim.respond("AT+CUSD=1,\"*103#\",15", "+CME ERROR: 132");
        assertThatThrownBy(() -> get(modem.ussd().send(UssdCode.of("*103#"), REPLY_WAIT)))
                .cause().isInstanceOf(ModemRejectedException.class)
                .satisfies(e -> assertThat(((ModemRejectedException) e).code()).hasValue(132));
    }

    @Test
    void ussdWithoutReplyTimesOutCancelsAndFreesTheSession() throws Exception {
        SerialModem modem = connected();
        h.sim.respond("AT+CUSD=1,\"*104#\",15", "OK");
        assertThatThrownBy(() -> get(modem.ussd().send(UssdCode.of("*104#"), Duration.ofMillis(200))))
                .cause().isInstanceOf(ModemTimeoutException.class);
        await().until(() -> h.sim.commands().contains("AT+CUSD=2"));
        h.sim.ussdReply("*100#", 0, "again", 15);
        assertThat(get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)).message()).isEqualTo("again");
    }

    @Test
    void secondConcurrentUssdFailsFast() throws Exception {
        SerialModem modem = connected();
        h.sim.respond("AT+CUSD=1,\"*105#\",15", "OK");
        CompletableFuture<UssdResponse> first = modem.ussd().send(UssdCode.of("*105#"), REPLY_WAIT);
        assertThatThrownBy(() -> get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)))
                .cause().isInstanceOf(dev.callstack.core.ModemBusyException.class).hasMessageContaining("in progress");
        h.sim.urc("+CUSD: 0,\"done\",15");
        assertThat(get(first).message()).isEqualTo("done");
    }

    @Test
    void networkInitiatedUssdIsPublished() {
        connected();
        h.sim.urc("+CUSD: 0,\"0414043B044F\",72");
        await().until(() -> h.events(UssdResponse.class).size() == 1);
        assertThat(h.events(UssdResponse.class).get(0).message()).isEqualTo("Для");
    }

    @Test
    void incomingCallRingsIdentifiesAnswersAndEnds() throws Exception {
        SerialModem modem = connected();
        h.sim.incomingCall("+15550100100");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        await().until(() -> !h.events(CallerId.class).isEmpty());
        assertThat(h.events(CallerId.class).get(0).number()).isEqualTo("+15550100100");
        assertThat(h.events(CallRing.class)).isNotEmpty();
        get(modem.calls().answer());
        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        h.sim.urc("+DTMF: 5");
        await().until(() -> !h.events(DtmfReceived.class).isEmpty());
        assertThat(h.events(DtmfReceived.class).get(0).digit()).isEqualTo('5');
        h.sim.remoteHangup();
        await().until(() -> modem.calls().state() == CallState.IDLE);
        assertThat(h.events(CallStateChanged.class)).extracting(CallStateChanged::state)
                .containsExactly(CallState.RINGING, CallState.ACTIVE, CallState.ENDED, CallState.IDLE);
    }

    @Test
    void callerIdIsPublishedOncePerCallAlthoughClipRepeatsWithEveryRing() {
        SerialModem modem = connected();
        h.sim.incomingCall("+15550100100");
        h.sim.incomingCall("+15550100100");
        h.sim.incomingCall("+15550100100");
        h.sim.urc("+DTMF: 1");
        // URCs are handled in order: once the DTMF is out, every repeated +CLIP has been seen.
        await().until(() -> h.events(DtmfReceived.class).size() == 1);
        assertThat(h.events(CallerId.class)).hasSize(1);
        assertThat(h.events(CallRing.class)).hasSize(3);
        h.sim.remoteHangup();
        await().until(() -> modem.calls().state() == CallState.IDLE);
        h.sim.incomingCall("+15550100200");
        h.sim.incomingCall("+15550100200");
        h.sim.urc("+DTMF: 2");
        await().until(() -> h.events(DtmfReceived.class).size() == 2);
        assertThat(h.events(CallerId.class)).extracting(CallerId::number)
                .containsExactly("+15550100100", "+15550100200");
    }

    @Test
    void missedCallReturnsTheCallStateToIdle() {
        SerialModem modem = connected();
        h.sim.incomingCall("+15550100100");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        h.sim.urc("MISSED_CALL: 11:01AM +15550100100");
        await().until(() -> modem.calls().state() == CallState.IDLE);
        assertThat(h.events(CallStateChanged.class)).extracting(CallStateChanged::state)
                .containsExactly(CallState.RINGING, CallState.ENDED, CallState.IDLE);
    }

    @Test
    void dialAnswerDtmfAndHangUp() throws Exception {
        SerialModem modem = connected();
        get(modem.calls().dial(PhoneNumber.of("+15550100100")));
        assertThat(h.sim.commands()).contains("ATD+15550100100;");
        assertThat(modem.calls().state()).isEqualTo(CallState.DIALING);
        h.sim.answerCall();
        await().until(() -> modem.calls().state() == CallState.ACTIVE);
        get(modem.calls().sendDtmf("1#A"));
        assertThat(h.sim.commands()).containsSubsequence("AT+VTS=1", "AT+VTS=#", "AT+VTS=A");
        get(modem.calls().hangUp());
        assertThat(h.sim.commands()).contains("ATH");
        assertThat(h.events(CallStateChanged.class)).extracting(CallStateChanged::state)
                .containsExactly(CallState.DIALING, CallState.ACTIVE, CallState.ENDED, CallState.IDLE);
    }

    @Test
    void hangUpFallsBackToChup() throws Exception {
        SerialModem modem = connected();
        h.sim.respond("ATH", "ERROR");
        get(modem.calls().hangUp());
        assertThat(h.sim.commands()).containsSubsequence("ATH", "AT+CHUP");
    }

    @Test
    void dialBusyFailsAndStaysIdle() {
        SerialModem modem = connected();
        h.sim.respond("ATD+15550100100;", "BUSY");
        assertThatThrownBy(() -> get(modem.calls().dial(PhoneNumber.of("+15550100100"))))
                .cause().isInstanceOf(ModemRejectedException.class).hasMessageContaining("BUSY")
                .hasMessageNotContaining("0100100");
        assertThat(modem.calls().state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void answerWithoutRingingFails() {
        SerialModem modem = connected();
        assertThatThrownBy(() -> get(modem.calls().answer())).cause().isInstanceOf(ModemRejectedException.class);
    }

    @Test
    void invalidDtmfIsRejectedBeforeAnyCommand() {
        SerialModem modem = connected();
        int before = h.sim.commands().size();
        for (String bad : new String[] {"", "12E", "1;AT", "x".repeat(40)}) {
            assertThatThrownBy(() -> get(modem.calls().sendDtmf(bad))).cause()
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(h.sim.commands()).hasSize(before);
    }

    @Test
    void smsNotificationsReachThePluggedModuleAndThePromptFlowWorks() throws Exception {
        List<SmsUrc> urcs = new CopyOnWriteArrayList<>();
        AtomicInteger connects = new AtomicInteger();
        AtomicReference<ModemContext> context = new AtomicReference<>();
        SmsModule module = new SmsModule() {
            @Override
            public SmsApi api() {
                return new UnavailableSmsModule();
            }

            @Override
            public void onSmsUrc(SmsUrc urc) {
                urcs.add(urc);
            }

            @Override
            public void onConnected() {
                // The hook may block: run a command synchronously, as a storage sweep would.
                try {
                    context.get().at().execute(AtCommand.simple("AT+CMGF=0")).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                connects.incrementAndGet();
            }

            @Override
            public void onDisconnected(String reason) {
            }
        };
        SerialModem modem = h.start(SimHarness.fastConfig().build(), ctx -> {
            context.set(ctx);
            return module;
        });
        await().until(() -> connects.get() == 1);
        int index = h.sim.deliverStored(PDU);
        h.sim.deliverDirect(PDU);
        int report = h.sim.deliverReportStored(PDU);
        h.sim.deliverReportDirect(PDU);
        await().until(() -> urcs.size() == 4);
        assertThat(urcs.get(0)).isEqualTo(new SmsUrc.NewMessage("SM", index));
        assertThat(urcs.get(1)).isInstanceOf(SmsUrc.DirectMessage.class)
                .extracting(u -> ((SmsUrc.DirectMessage) u).pduHex()).isEqualTo(PDU);
        assertThat(urcs.get(2)).isInstanceOf(SmsUrc.StatusReportStored.class)
                .extracting(u -> ((SmsUrc.StatusReportStored) u).index()).isEqualTo(report);
        assertThat(urcs.get(3)).isInstanceOf(SmsUrc.DirectStatusReport.class);

        AtResponse read = get(context.get().at().execute(AtCommand.pduRead("AT+CMGR=" + index, "+CMGR:", 1)));
        assertThat(read.lines()).hasSize(2).element(1).isEqualTo(PDU);

        String submit = "0011000B915155010001F00000AA05E8329BFD06";
        AtResponse sent = get(context.get().at().execute(
                AtCommand.withPrompt("AT+CMGS=" + (submit.length() / 2 - 1), submit, "+CMGS:")));
        assertThat(sent.value("+CMGS:")).isPresent();
        assertThat(h.sim.sentPdus()).containsExactly(submit);

        h.unplug();
        await().until(() -> !modem.state().connected());
        h.replug();
        await().until(() -> connects.get() == 2);
    }

    @Test
    void ussdCodeTextNeverReachesTheExceptionMessage() {
        SerialModem modem = connected();
        h.sim.respond("AT+CUSD=1,\"*106#\",15", "ERROR");
        // A bare ERROR to the text form is retried once packed (Huawei); this modem refuses that too.
        h.sim.respond("AT+CUSD=1,\"AA18CC3602\",15", "ERROR");
        assertThatThrownBy(() -> get(modem.ussd().send(UssdCode.of("*106#"), REPLY_WAIT)))
                .isInstanceOf(ExecutionException.class).cause().hasMessageNotContaining("106");
    }

    @Test
    void callbacksMayBlockOnFurtherCommandsWithoutDeadlock() throws Exception {
        SerialModem modem = connected();
        h.sim.ussdReply("*100#", 0, "first", 15);
        h.sim.ussdReply("*101#", 0, "second", 15);
        // The dependent stage blocks on a second request: it must not run on (and stall) the modem's engine thread.
        CompletableFuture<String> chained = modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)
                .thenApply(first -> first.message() + "+" + modem.ussd()
                        .send(UssdCode.of("*101#"), REPLY_WAIT).join().message());
        assertThat(get(chained)).isEqualTo("first+second");
        CompletableFuture<String> thread = modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)
                .thenApply(r -> Thread.currentThread().getName());
        assertThat(get(thread)).doesNotStartWith("callstack-");
    }

    @Test
    void garbageAndAnOverlongLineFromTheModemAreSurvived() throws Exception {
        SerialModem modem = connected();
        h.sim.sendRaw(new byte[] {'?', '?', (byte) 0xFF, (byte) 0xFE, 0x00, '\r', '\n'});
        h.sim.sendRaw("Z".repeat(20_000) + "\r\n");
        h.sim.ussdReply("*100#", 0, "still fine", 15);
        assertThat(get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)).message())
                .isEqualTo("still fine");
    }

    @Test
    void urcInterleavedInAnAnswerIsDispatchedAndTheAnswerStaysClean() throws Exception {
        // testdata/at-transcripts.md §8: RING while a response is under way; a second same-prefix line after the
        // one answer is a URC
        h.sim.respond("AT+CSQ", "+CSQ: 5,0", "RING", "+CSQ: 7,0", "OK");
        SerialModem modem = h.start(SimHarness.fastConfig().signalPollInterval(Duration.ofMillis(100)).build());
        await().until(() -> modem.state().signal() != null);
        assertThat(modem.state().signal().rssi()).isEqualTo(5);
        await().until(() -> !h.events(CallRing.class).isEmpty());
        assertThat(modem.calls().state()).isEqualTo(CallState.RINGING);
    }
}
