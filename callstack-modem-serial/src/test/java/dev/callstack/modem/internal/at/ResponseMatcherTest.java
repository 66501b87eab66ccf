package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.internal.at.ResponseMatcher.Kind;
import dev.callstack.modem.internal.at.ResponseMatcher.Match;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ResponseMatcherTest {

    private static PendingCommand pending(AtCommand command) {
        PendingCommand p = new PendingCommand(command, new CompletableFuture<>());
        p.awaitingPrompt = command.promptPayload() != null;
        return p;
    }

    @Test
    void echoIsIgnoredAndNotRecorded() {
        PendingCommand p = pending(AtCommand.query("AT+CSQ", "+CSQ:"));

        assertThat(ResponseMatcher.match(p, "AT+CSQ", line -> false).kind()).isEqualTo(Kind.IGNORED);
        assertThat(p.lines).isEmpty();
    }

    @Test
    void prefixedAnswerIsRecordedThenOkIsFinal() {
        PendingCommand p = pending(AtCommand.query("AT+CSQ", "+CSQ:"));

        assertThat(ResponseMatcher.match(p, "+CSQ: 23,99", line -> false).kind()).isEqualTo(Kind.ANSWER);
        Match ok = ResponseMatcher.match(p, "OK", line -> false);

        assertThat(ok.kind()).isEqualTo(Kind.FINAL);
        assertThat(ok.result().isSuccess()).isTrue();
        assertThat(p.lines).containsExactly("+CSQ: 23,99");
    }

    @Test
    void answerBeyondTheExpectedCountIsUnsolicited() {
        PendingCommand p = pending(AtCommand.query("AT+CREG?", "+CREG:"));

        assertThat(ResponseMatcher.match(p, "+CREG: 0,1", line -> false).kind()).isEqualTo(Kind.ANSWER);
        assertThat(ResponseMatcher.match(p, "+CREG: 1", line -> false).kind()).isEqualTo(Kind.UNSOLICITED);
        assertThat(p.lines).containsExactly("+CREG: 0,1");
    }

    @Test
    void lineAfterAPduHeaderIsThePduEvenIfItLooksFinal() {
        PendingCommand p = pending(AtCommand.pduRead("AT+CMGL=4", "+CMGL:", AtCommand.UNLIMITED));

        assertThat(ResponseMatcher.match(p, "+CMGL: 17,3,35", line -> false).kind()).isEqualTo(Kind.ANSWER);
        assertThat(ResponseMatcher.match(p, "0791AA", line -> false).kind()).isEqualTo(Kind.ANSWER);
        assertThat(ResponseMatcher.match(p, "+CMTI: \"SM\",3", line -> false).kind()).isEqualTo(Kind.UNSOLICITED);
        assertThat(p.lines).containsExactly("+CMGL: 17,3,35", "0791AA");
    }

    @Test
    void headerWithTheDataInlineExpectsNoPduLine() {
        PendingCommand p = pending(AtCommand.pduRead("AT+CMGR=1", "+CMGR:", 1));

        assertThat(ResponseMatcher.match(p, "+CMGR: 1,,25,07 91 AA", line -> false).kind()).isEqualTo(Kind.ANSWER);

        assertThat(p.expectPdu).isFalse();
        assertThat(ResponseMatcher.match(p, "OK", line -> false).kind()).isEqualTo(Kind.FINAL);
    }

    @Test
    void freeTextTakesEveryLineExceptARecognisedUrc() {
        PendingCommand p = pending(AtCommand.freeText("AT+CGMI"));
        Predicate<String> urcs = line -> line.startsWith("+CMTI:");

        assertThat(ResponseMatcher.match(p, "SIMCOM INCORPORATED", urcs).kind()).isEqualTo(Kind.ANSWER);
        assertThat(ResponseMatcher.match(p, "+CMTI: \"SM\",3", urcs).kind()).isEqualTo(Kind.UNSOLICITED);
        assertThat(p.lines).containsExactly("SIMCOM INCORPORATED");
    }

    @Test
    void promptIsRecognisedOnlyWhileAPayloadWaits() {
        PendingCommand waiting = pending(AtCommand.withPrompt("AT+CMGS=23", "0011AA", "+CMGS:"));
        PendingCommand plain = pending(AtCommand.simple("AT+CMGF=0"));

        assertThat(ResponseMatcher.match(waiting, ">", line -> false).kind()).isEqualTo(Kind.PROMPT);
        assertThat(ResponseMatcher.match(plain, ">", line -> false).kind()).isEqualTo(Kind.UNSOLICITED);
    }

    @Test
    void callProgressIsFinalOnlyForADial() {
        PendingCommand dial = pending(AtCommand.dial("ATD123;"));
        PendingCommand plain = pending(AtCommand.simple("AT+CHUP"));

        assertThat(ResponseMatcher.match(dial, "BUSY", line -> false).kind()).isEqualTo(Kind.FINAL);
        assertThat(ResponseMatcher.match(plain, "BUSY", line -> false).kind()).isEqualTo(Kind.UNSOLICITED);
    }

    @Test
    void resyncProbeDiscardsALateFinalResultBeforeItsOwnAnswer() {
        PendingCommand probe = pending(AtCommand.query("AT+CPIN?", "+CPIN:"));
        probe.resync = true;

        assertThat(ResponseMatcher.match(probe, "OK", line -> false).kind()).isEqualTo(Kind.IGNORED);
        assertThat(ResponseMatcher.match(probe, "+CPIN: READY", line -> false).kind()).isEqualTo(Kind.ANSWER);
        assertThat(ResponseMatcher.match(probe, "OK", line -> false).kind()).isEqualTo(Kind.FINAL);
    }

    @Test
    void resyncProbeHandsUrcsToTheUrcHandlerAndDiscardsStrayLines() {
        PendingCommand probe = pending(AtCommand.query("AT+CPIN?", "+CPIN:"));
        probe.resync = true;

        assertThat(ResponseMatcher.match(probe, "+CMTI: \"SM\",3", line -> line.startsWith("+CMTI:")).kind())
                .isEqualTo(Kind.UNSOLICITED);
        // The late tail of a slow list is neither the probe's answer nor a URC.
        assertThat(ResponseMatcher.match(probe, "+CMGL: 2,0,,23", line -> false).kind()).isEqualTo(Kind.IGNORED);
        assertThat(ResponseMatcher.match(probe, "0791000000000000040B91", line -> false).kind())
                .isEqualTo(Kind.IGNORED);
    }
}
