package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.modem.internal.urc.UrcParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtCommandExecutorTest {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
    private final List<String> urcs = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final AtomicInteger unresponsive = new AtomicInteger();
    private FakeLink link = new FakeLink();
    private UnsolicitedHandler handler;
    private AtCommandExecutor.Listener listener;
    private AtCommandExecutor executor;
    private ManualTimers timers;

    @BeforeEach
    void setUp() {
        handler = new UnsolicitedHandler() {
            private boolean awaitingPdu;

            @Override
            public boolean consumeContinuation(String line) {
                if (awaitingPdu) {
                    awaitingPdu = false;
                    urcs.add("PDU:" + line);
                    return true;
                }
                return false;
            }

            @Override
            public boolean isUnsolicited(String line) {
                return UrcParser.isKnown(line);
            }

            @Override
            public void onUnsolicited(String line) {
                urcs.add(line);
                awaitingPdu = line.startsWith("+CMT:") || line.startsWith("+CDS:");
            }

            @Override
            public void reset() {
                awaitingPdu = false;
            }
        };
        listener = new AtCommandExecutor.Listener() {
            @Override
            public void onLinkLost(long sessionId, String reason) {
                lost.set(reason);
            }

            @Override
            public void onUnresponsive(long sessionId, int consecutiveTimeouts) {
                unresponsive.set(consecutiveTimeouts);
            }
        };
        // The default timeout never fires in these tests: the test plays the modem and answers first.
        executor = new AtCommandExecutor(engine, handler, listener, DEFAULT_TIMEOUT, 4, 3);
        executor.attach(link);
    }

    @AfterEach
    void tearDown() {
        engine.shutdownNow();
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    /** Only a broken executor keeps the test waiting anywhere near this bound. */
    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    /**
     * Moves the test to an executor (over a fresh link) whose timeouts fire only on {@link ManualTimers#fire()}: for
     * tests that answer the modem's part before a timeout, which on a loaded machine the test thread cannot promise
     * to do within a few milliseconds.
     */
    private void useManualTimers() {
        timers = new ManualTimers();
        link = new FakeLink();
        executor = new AtCommandExecutor(timers, handler, listener, DEFAULT_TIMEOUT, 4, 3);
        executor.attach(link);
    }

    @Test
    void queryCollectsItsAnswerAndIgnoresEchoSentTwice() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        assertThat(link.nextWrite()).isEqualTo("AT+CSQ\r");
        // testdata/at-transcripts.md §8 (gammu at-dispatch.c): echo twice
        link.modemSends("AT+CSQ\r\nAT+CSQ\r\n+CSQ: 11,99\r\n\r\nOK\r\n");
        AtResponse r = get(f);
        assertThat(r.lines()).containsExactly("+CSQ: 11,99");
        assertThat(r.value("+CSQ:")).contains("11,99");
        assertThat(urcs).isEmpty();
    }

    @Test
    void echoTwiceThenBusyErrorFailsWithTheCmeCode() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        link.nextWrite();
        link.modemSends("AT+CSQ\r\nAT+CSQ\r\n+CME ERROR: 515\r\n");
        assertThatThrownBy(() -> get(f)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ModemRejectedException.class)
                .satisfies(e -> assertThat(((ModemRejectedException) e).code()).hasValue(515));
    }

    @Test
    void cmsErrorKeepsItsCode() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.simple("AT+CNMA"));
        link.nextWrite();
        link.modemSends("\r\n+CMS ERROR: 340\r\n");
        assertThatThrownBy(() -> get(f)).cause().isInstanceOf(ModemRejectedException.class)
                .hasMessageContaining("+CMS ERROR").satisfies(e ->
                        assertThat(((ModemRejectedException) e).code()).hasValue(340));
    }

    @Test
    void urcInTheMiddleOfAnAnswerIsDispatchedNotMixedIn() throws Exception {
        // gammu smsd-cancel-call.c: RING while waiting for AT+CHUP's OK
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.simple("AT+CHUP"));
        link.nextWrite();
        link.modemSends("RING\r\nOK\r\n");
        assertThat(get(f).lines()).isEmpty();
        assertThat(urcs).containsExactly("RING");
    }

    @Test
    void urcGluedAfterOkInTheSameReadIsDispatched() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.simple("AT+CMGF=0"));
        link.nextWrite();
        link.modemSends("\r\nOK\r\n\r\n+CMTI: \"ME\",1\r\n");
        get(f);
        await().until(() -> urcs.contains("+CMTI: \"ME\",1"));
    }

    @Test
    void secondSamePrefixLineAfterTheOneExpectedAnswerIsAUrc() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.query("AT+CREG?", "+CREG:"));
        link.nextWrite();
        link.modemSends("+CREG: 2,1,\"84CD\",\"00D30173\"\r\n+CREG: 5\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CREG: 2,1,\"84CD\",\"00D30173\"");
        assertThat(urcs).containsExactly("+CREG: 5");
    }

    @Test
    void answerFilterTellsASamePrefixUrcFromTheAnswer() throws Exception {
        // ublox-cellular-rs#41: a +CREG URC arrives while the +CREG? answer is expected
        AtCommand cmd = AtCommand.query("AT+CREG?", "+CREG:")
                .withAnswerFilter(dev.callstack.modem.internal.urc.RegistrationParser::isAnswerShape);
        CompletableFuture<AtResponse> f = executor.execute(cmd);
        link.nextWrite();
        link.modemSends("+CREG: 5,\"07D0\",\"009D4564\",7\r\n+CREG: 2,1,\"84CD\",\"00D30173\"\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CREG: 2,1,\"84CD\",\"00D30173\"");
        assertThat(urcs).containsExactly("+CREG: 5,\"07D0\",\"009D4564\",7");
    }

    @Test
    void cusdBeforeOkIsAUrcNotTheAnswer() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.simple("AT+CUSD=1,\"*100#\",15"));
        link.nextWrite();
        link.modemSends("+CUSD: 0,\"Balance 1\",15\r\nOK\r\n+CUSD: 2\r\n");
        assertThat(get(f).lines()).isEmpty();
        await().until(() -> urcs.size() == 2);
        assertThat(urcs).containsExactly("+CUSD: 0,\"Balance 1\",15", "+CUSD: 2");
    }

    @Test
    void pduReadKeepsThePduLinesInTheAnswer() throws Exception {
        // testdata/at-transcripts.md §2: gammu tests/at-sms/03.dump
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.pduRead("AT+CMGR=1", "+CMGR:", 1));
        link.nextWrite();
        link.modemSends("+CMGR: 1,,25\r\n0791198948004544040C9119894882006200007050307040042206CF35689E9603\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CMGR: 1,,25",
                "0791198948004544040C9119894882006200007050307040042206CF35689E9603");
    }

    @Test
    void pduListKeepsEveryEntryEvenATruncatedLastOne() throws Exception {
        // MMH test_cmgl_response_pantech_multiple
        CompletableFuture<AtResponse> f = executor.execute(
                AtCommand.pduRead("AT+CMGL=4", "+CMGL:", AtCommand.UNLIMITED));
        link.nextWrite();
        link.modemSends("+CMGL: 17,3,35\r\n0791AA\r\n+CMGL: 15,3,35\r\n0791BB\r\n+CMGL: 11,3,35\r\n079100F4\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CMGL: 17,3,35", "0791AA", "+CMGL: 15,3,35", "0791BB",
                "+CMGL: 11,3,35", "079100F4");
    }

    @Test
    void oneLineCmgrHeaderWithInlinePduDoesNotSwallowTheNextLine() throws Exception {
        // MMH test_cmgr_response_generic: header and PDU on one line
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.pduRead("AT+CMGR=1", "+CMGR:", 1));
        link.nextWrite();
        link.modemSends("+CMGR: 1,,147 07914306073011F0\r\nRING\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CMGR: 1,,147 07914306073011F0");
        assertThat(urcs).containsExactly("RING");
    }

    @Test
    void twoLineCmtArrivingDuringACommandGoesToTheUrcSide() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        link.nextWrite();
        String cmtThenAnswer = "+CMT: ,23\r\n07918497483252F0840B918496445078F700007121320144744004D4F29C0E\r\n";
        link.modemSends(cmtThenAnswer + "+CSQ: 7,99\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CSQ: 7,99");
        assertThat(urcs).containsExactly("+CMT: ,23",
                "PDU:07918497483252F0840B918496445078F700007121320144744004D4F29C0E");
    }

    @Test
    void freeTextAnswerCollectsLinesButNotKnownUrcs() throws Exception {
        // Nokia N950 AT+CGMR: multi-line free text
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.freeText("AT+CGMR"));
        link.nextWrite();
        link.modemSends("AT+CGMR\r\nNokia N950 (RM-680 rev 1124)\r\nRING\r\nDFL61 HARMATTAN\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("Nokia N950 (RM-680 rev 1124)", "DFL61 HARMATTAN");
        assertThat(urcs).containsExactly("RING");
    }

    @Test
    void callProgressEndsDialButIsAUrcOtherwise() throws Exception {
        CompletableFuture<AtResponse> dial = executor.execute(AtCommand.dial("ATD+15550100100;"));
        link.nextWrite();
        link.modemSends("\r\nBUSY\r\n\r\nSomething extra\r\n");
        assertThatThrownBy(() -> get(dial)).cause().isInstanceOf(ModemRejectedException.class)
                .hasMessageContaining("BUSY");
        CompletableFuture<AtResponse> other = executor.execute(AtCommand.simple("AT"));
        link.nextWrite();
        link.modemSends("NO CARRIER\r\nOK\r\n");
        get(other);
        assertThat(urcs).containsExactly("Something extra", "NO CARRIER");
    }

    @Test
    void promptFlowSendsThePayloadWithCtrlZ() throws Exception {
        // testdata/at-transcripts.md §3: python-gsmmodem#44
        String pdu = "0021000C9119790991376400";
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.withPrompt("AT+CMGS=61", pdu, "+CMGS:"));
        assertThat(link.nextWrite()).isEqualTo("AT+CMGS=61\r");
        link.modemSends("\r\n> ");
        assertThat(link.nextWrite()).isEqualTo(pdu + "\u001A");
        link.modemSends("\r\n+CMGS: 64\r\n\r\nOK\r\n");
        assertThat(get(f).value("+CMGS:")).contains("64");
    }

    @Test
    void promptWrittenAsLineWithTypedTextStillCounts() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.withPrompt("AT+CMGS=5", "00AA", "+CMGS:"));
        link.nextWrite();
        link.modemSends("AT+CMGS=5\r\r\n>Text\r\n");
        assertThat(link.nextWrite()).isEqualTo("00AA\u001A");
        link.modemSends("00AA\r\n+CMGS: 1\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CMGS: 1");
    }

    @Test
    void errorInsteadOfPromptFailsWithTheCmsCode() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.withPrompt("AT+CMGS=61", "00", "+CMGS:"));
        link.nextWrite();
        link.modemSends("\r\n+CMS ERROR: 500\r\n");
        assertThatThrownBy(() -> get(f)).cause().isInstanceOf(ModemRejectedException.class)
                .satisfies(e -> assertThat(((ModemRejectedException) e).code()).hasValue(500));
        assertThat(link.pollWrite()).isNull();
    }

    @Test
    void promptTimeoutSendsEscapeSoTheNextCommandIsNotSwallowed() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(
                AtCommand.withPrompt("AT+CMGS=61", "00", "+CMGS:").withTimeout(Duration.ofMillis(50)));
        link.nextWrite();
        assertThatThrownBy(() -> get(f)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
    }

    @Test
    void commandsRunOneAtATimeInOrder() throws Exception {
        CompletableFuture<AtResponse> a = executor.execute(AtCommand.simple("ATE0"));
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.simple("AT+CMEE=1"));
        assertThat(link.nextWrite()).isEqualTo("ATE0\r");
        assertThat(link.pollWrite()).isNull();
        link.modemSends("OK\r\n");
        get(a);
        assertThat(link.nextWrite()).isEqualTo("AT+CMEE=1\r");
        link.modemSends("OK\r\n");
        get(b);
    }

    @Test
    void timeoutFailsTheCommandAndTheNextOneRuns() throws Exception {
        // Manual timers: with a real 50 ms probe timeout a slow test thread answered a probe that had already
        // given up, and the test passed without exercising the probe's answer.
        useManualTimers();
        CompletableFuture<AtResponse> a = executor.execute(AtCommand.simple("AT").withTimeout(Duration.ofMillis(50)));
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.simple("ATE0"));
        link.nextWrite();
        timers.fire();
        assertThatThrownBy(() -> get(a)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        assertThat(link.nextWrite()).isEqualTo("AT+CPIN?\r");
        link.modemSends("+CPIN: READY\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("ATE0\r");
        link.modemSends("OK\r\n");
        get(b);
        assertThat(unresponsive.get()).isZero();
    }

    @Test
    void lateFinalResultOfATimedOutCommandDoesNotCompleteTheNextOne() throws Exception {
        // Manual timers: the probe's real timeout was 50 ms; a test thread slower than that saw the probe give up,
        // AT+CSQ go out and the late ERROR fail it.
        useManualTimers();
        CompletableFuture<AtResponse> a = executor.execute(
                AtCommand.simple("AT+COPS=0").withTimeout(Duration.ofMillis(50)));
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        assertThat(link.nextWrite()).isEqualTo("AT+COPS=0\r");
        timers.fire();
        assertThatThrownBy(() -> get(a)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        assertThat(link.nextWrite()).isEqualTo("AT+CPIN?\r");
        // The modem finishes the timed-out command late, then answers the probe.
        link.modemSends("ERROR\r\n+CPIN: READY\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("AT+CSQ\r");
        assertThat(b).isNotDone();
        link.modemSends("+CSQ: 23,99\r\nOK\r\n");
        assertThat(get(b).value("+CSQ:")).contains("23,99");
    }

    @Test
    void unansweredResyncProbeDoesNotBlockTheQueue() throws Exception {
        CompletableFuture<AtResponse> a = executor.execute(AtCommand.simple("AT").withTimeout(Duration.ofMillis(50)));
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.simple("ATE0"));
        link.nextWrite();
        assertThatThrownBy(() -> get(a)).cause().isInstanceOf(ModemTimeoutException.class);
        // ESC, then one probe per round, each with its own prefix, before giving up on resynchronising.
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        assertThat(link.nextWrite()).isEqualTo("AT+CPIN?\r");
        assertThat(link.nextWrite()).isEqualTo("AT+CSQ\r");
        assertThat(link.nextWrite()).isEqualTo("AT+CMGF?\r");
        // The stream is out of step: one more probe, with a prefix no earlier probe used, guards the next command.
        assertThat(link.nextWrite()).isEqualTo("AT+CMEE?\r");
        link.modemSends("+CMEE: 1\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("ATE0\r");
        link.modemSends("OK\r\n");
        get(b);
        assertThat(unresponsive.get()).isZero();
    }

    @Test
    void lateAnswersToEveryUnansweredProbeDoNotCompleteTheNextCommand() throws Exception {
        // SlowListResyncTest failed once: a stalled modem answered the three probes after the host had given up on
        // them and written AT+CMGS, whose prompt-less late OK then made the send "rejected". Here the command is
        // queued while the modem is still silent, and the late answers come after the host wrote what follows.
        useManualTimers();
        CompletableFuture<AtResponse> list = executor.execute(
                AtCommand.pduRead("AT+CMGL=4", "+CMGL:", AtCommand.UNLIMITED).withTimeout(Duration.ofMillis(50)));
        assertThat(link.nextWrite()).isEqualTo("AT+CMGL=4\r");
        timers.fire();
        assertThatThrownBy(() -> get(list)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        assertThat(link.nextWrite()).isEqualTo("AT+CPIN?\r");
        timers.fire();
        assertThat(link.nextWrite()).isEqualTo("AT+CSQ\r");
        timers.fire();
        assertThat(link.nextWrite()).isEqualTo("AT+CMGF?\r");
        timers.fire();
        CompletableFuture<AtResponse> send = executor.execute(
                AtCommand.withPrompt("AT+CMGS=23", "0011000B919471123456F80000AA0BC1F0180D0A8BC96C3616", "+CMGS:"));
        // Not the send: a guarding probe whose prefix none of the three unanswered probes has.
        assertThat(link.nextWrite()).isEqualTo("AT+CMEE?\r");
        link.modemSends("OK\r\n+CPIN: READY\r\nOK\r\n+CSQ: 23,99\r\nOK\r\n+CMGF: 0\r\nOK\r\n");
        timers.submit(() -> { }).get(30, TimeUnit.SECONDS); // every byte above framed on the engine thread
        assertThat(send).isNotDone();
        assertThat(link.pollWrite()).isNull();
        link.modemSends("+CMEE: 1\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("AT+CMGS=23\r");
        link.modemSends("> ");
        assertThat(link.nextWrite()).startsWith("0011000B");
        link.modemSends("+CMGS: 7\r\nOK\r\n");
        assertThat(get(send).value("+CMGS:")).contains("7");
    }

    @Test
    void anUnansweredGuardingProbeFailsTheCommandItGuardsAsTimedOut() throws Exception {
        useManualTimers();
        CompletableFuture<AtResponse> a = executor.execute(AtCommand.simple("AT").withTimeout(Duration.ofMillis(50)));
        link.nextWrite();
        timers.fire();
        assertThatThrownBy(() -> get(a)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        for (int round = 0; round < 3; round++) {
            assertThat(link.nextWrite()).startsWith("AT+C");
            timers.fire();
        }
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.simple("ATE0"));
        assertThat(link.nextWrite()).isEqualTo("AT+CMEE?\r");
        timers.fire();
        // The modem answers nothing: the caller hears of a timeout, never waits on an endless resync.
        assertThatThrownBy(() -> get(b)).cause().isInstanceOf(ModemTimeoutException.class);
        CompletableFuture<AtResponse> c = executor.execute(AtCommand.simple("ATE0"));
        assertThat(link.nextWrite()).isEqualTo("AT+CSCS?\r");
        link.modemSends("+CSCS: \"GSM\"\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("ATE0\r");
        link.modemSends("OK\r\n");
        get(c);
    }

    @Test
    void listCutOffByATimeoutFailsAndItsLateTailIsDiscarded() throws Exception {
        useManualTimers();
        CompletableFuture<AtResponse> list = executor.execute(
                AtCommand.pduRead("AT+CMGL=4", "+CMGL:", AtCommand.UNLIMITED).withTimeout(Duration.ofMillis(50)));
        CompletableFuture<AtResponse> next = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        assertThat(link.nextWrite()).isEqualTo("AT+CMGL=4\r");
        link.modemSends("+CMGL: 1,0,,23\r\n0791000000000000040B910000000000F000000000000000000000\r\n");
        timers.fire();
        // Half a list is not a list: the caller hears of the timeout instead of getting one entry.
        assertThatThrownBy(() -> get(list)).cause().isInstanceOf(ModemTimeoutException.class);
        assertThat(link.nextWrite()).isEqualTo("\u001B");
        assertThat(link.nextWrite()).isEqualTo("AT+CPIN?\r");
        // The tail, its OK, then the probe's own answer.
        String tail = "+CMGL: 2,0,,23\r\n0791000000000000040B910000000000F000000000000000000000\r\nOK\r\n";
        link.modemSends(tail + "+CPIN: READY\r\nOK\r\n");
        assertThat(link.nextWrite()).isEqualTo("AT+CSQ\r");
        assertThat(next).isNotDone();
        link.modemSends("+CSQ: 23,99\r\nOK\r\n");
        assertThat(get(next).lines()).containsExactly("+CSQ: 23,99");
    }

    @Test
    void answerWithoutFinalIsAcceptedAtTimeout() throws Exception {
        // testdata/at-transcripts.md §8: AT+CPIN?\r\n+CPIN: READY\r\n with no OK at all (CPINNoOK phones)
        // Manual timers: the answer must be framed before the timeout fires, which a real 100 ms did not promise.
        useManualTimers();
        CompletableFuture<AtResponse> f = executor.execute(
                AtCommand.query("AT+CPIN?", "+CPIN:").withTimeout(Duration.ofMillis(100)));
        link.nextWrite();
        link.modemSends("AT+CPIN?\r\n+CPIN: READY\r\n");
        timers.fire();
        assertThat(get(f).value("+CPIN:")).contains("READY");
    }

    @Test
    void repeatedTimeoutsReportTheModemUnresponsive() {
        for (int i = 0; i < 3; i++) {
            CompletableFuture<AtResponse> f = executor.execute(
                    AtCommand.simple("AT").withTimeout(Duration.ofMillis(20)));
            assertThatThrownBy(() -> get(f)).cause().isInstanceOf(ModemTimeoutException.class);
        }
        await().until(() -> unresponsive.get() == 3);
    }

    @Test
    void queueOverflowIsRejectedWithUnavailable() {
        CompletableFuture<?>[] fs = new CompletableFuture<?>[6];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = executor.execute(AtCommand.simple("AT"));
        }
        // one in flight + 4 queued; the sixth overflows
        assertThatThrownBy(() -> get(fs[5])).cause().isInstanceOf(ModemUnavailableException.class)
                .hasMessageContaining("queue full");
    }

    @Test
    void detachFailsPendingAndQueuedWithUnavailableAndClosesTheLink() {
        CompletableFuture<AtResponse> a = executor.execute(AtCommand.simple("AT"));
        CompletableFuture<AtResponse> b = executor.execute(AtCommand.simple("AT"));
        executor.detach(1, new ModemUnavailableException("gone"));
        assertThatThrownBy(() -> get(a)).cause().isInstanceOf(ModemUnavailableException.class);
        assertThatThrownBy(() -> get(b)).cause().isInstanceOf(ModemUnavailableException.class);
        assertThat(link.closed).isTrue();
        assertThatThrownBy(() -> get(executor.execute(AtCommand.simple("AT")))).cause()
                .isInstanceOf(ModemUnavailableException.class);
    }

    @Test
    void endOfStreamIsReportedAsLinkLost() {
        link.eof();
        await().until(() -> "end of stream".equals(lost.get()));
    }

    @Test
    void writeFailureIsReportedAsLinkLost() {
        link.failWrites = true;
        var unused = executor.execute(AtCommand.simple("AT")); // its write fails: the link listener hears it
        await().until(() -> lost.get() != null && lost.get().startsWith("write failed"));
    }

    @Test
    void garbageAndOverlongLinesDoNotBreakTheNextAnswer() throws Exception {
        CompletableFuture<AtResponse> f = executor.execute(AtCommand.query("AT+CSQ", "+CSQ:"));
        link.nextWrite();
        link.modemSends("\u00ff\u00fe????\r\n" + "Z".repeat(10_000) + "\r\n+CSQ:99,99\r\nOK\r\n");
        assertThat(get(f).lines()).containsExactly("+CSQ:99,99");
    }

    @Test
    void modemFloodingInputLosesItsLinkWithPendingInputBounded() throws Exception {
        long budget = 64 * 1024;
        AtomicReference<String> floodLost = new AtomicReference<>();
        AtCommandExecutor.Listener listener = new AtCommandExecutor.Listener() {
            @Override
            public void onLinkLost(long sessionId, String reason) {
                floodLost.set(reason);
            }

            @Override
            public void onUnresponsive(long sessionId, int consecutiveTimeouts) {
            }
        };
        AtCommandExecutor flooded = new AtCommandExecutor(engine, UnsolicitedHandler.NONE, listener, Duration.ofSeconds(5), 4,
                3, budget);
        FakeLink noisy = new FakeLink();
        flooded.attach(noisy);
        CountDownLatch hold = new CountDownLatch(1);
        engine.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String garbage = "Z".repeat(2048);
        int sent = 0;
        // The engine frames nothing while held: the budget must trip long before this bound.
        while (!noisy.closed && sent < 1_000) {
            noisy.modemSends(garbage);
            sent++;
        }
        assertThat(noisy.closed).isTrue();
        assertThat(flooded.peakPendingInputBytes()).isPositive().isLessThanOrEqualTo(budget);
        assertThat(flooded.floodDisconnects()).isEqualTo(1);
        noisy.modemSends(garbage);
        assertThat(flooded.pendingInputBytes()).isLessThanOrEqualTo(budget);

        hold.countDown();
        await().until(() -> AtCommandExecutor.FLOODING.equals(floodLost.get()));
        await().until(() -> flooded.pendingInputBytes() == 0);
        assertThat(flooded.floodDisconnects()).isEqualTo(1);
    }
}
