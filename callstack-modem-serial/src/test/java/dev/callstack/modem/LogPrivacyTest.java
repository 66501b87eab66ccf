package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.CallState;
import dev.callstack.testkit.sim.PinState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Runs PIN entry, USSD, a call with DTMF and SMS URCs with debug logging on, and checks no secret was logged. */
class LogPrivacyTest {
    private final SimHarness h = new SimHarness();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void attach() {
        logger = (Logger) LoggerFactory.getLogger("dev.callstack");
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        h.close();
        logger.detachAppender(appender);
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }

    @Test
    void debugLogsCarryNoPinNumberUssdTextDtmfOrPdu() throws Exception {
        h.sim.pinState(PinState.SIM_PIN);
        h.sim.pin("8642");
        h.sim.ussdReply("*135*7531#", 0, "Secret balance 99.99", 15);
        SerialModem modem = h.start(SimHarness.fastConfig().simPin("8642").build());
        await().until(() -> modem.state().connected());
        modem.ussd().send(UssdCode.of("*135*7531#"), Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
        modem.calls().dial(PhoneNumber.of("+15559876543")).get(30, TimeUnit.SECONDS);
        h.sim.answerCall();
        await().until(() -> modem.calls().state() == CallState.ACTIVE);
        modem.calls().sendDtmf("97").get(30, TimeUnit.SECONDS);
        modem.calls().hangUp().get(30, TimeUnit.SECONDS);
        h.sim.incomingCall("+15554443322");
        h.sim.deliverDirect("07918497483252F0840B918496445078F700007121320144744004D4F29C0E");
        h.sim.sendRaw("\r\n+WEIRD: \"+15551112222\",1\r\n");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        await().until(() -> logged().stream().anyMatch(m -> m.contains("+WEIRD")));

        List<String> lines = logged();
        assertThat(lines).anyMatch(m -> m.contains("AT+CPIN="));
        assertThat(lines).anyMatch(m -> m.contains("ATD"));
        assertThat(String.join("\n", lines))
                .doesNotContain("8642")
                .doesNotContain("7531")
                .doesNotContain("Secret balance")
                .doesNotContain("9876543")
                .doesNotContain("4443322")
                .doesNotContain("1112222")
                .doesNotContain("AT+VTS=9").doesNotContain("AT+VTS=7")
                .doesNotContain("0B918496445078F7");
    }

    @Test
    void textModeMessageBodyAfterACmtHeaderIsNotLogged() {
        SerialModem modem = h.start(SimHarness.fastConfig().build());
        await().until(() -> modem.state().connected());
        // Quectel EC25 manual, AT+CNMA example (testdata/at-transcripts.md §1)
        h.sim.sendRaw("\r\n+CMT: \"+8615021012496\",,\"13/03/18,17:07:21+32\",145,4,0,0,\"+8613800551500\",145,28"
                + "\r\nThis is a test from Quectel.\r\n+WEIRD: 1\r\n");
        await().until(() -> logged().stream().anyMatch(m -> m.contains("+WEIRD")));
        assertThat(String.join("\n", logged()))
                .doesNotContain("This is a test")
                .doesNotContain("15021012496");
    }

    @Test
    void identityNumbersAreReadIntoTheStatusAndNeverLogged() {
        // The simulator's SIM800: IMEI 490154203237518, IMSI 001010123456789, ICCID 89001012012345678901.
        SerialModem modem = h.start(SimHarness.fastConfig().build());
        await().until(() -> modem.state().connected());
        assertThat(modem.status().identity())
                .isEqualTo(new ModemStatus.Identity("490154203237518", "001010123456789", "89001012012345678901"));
        List<String> lines = logged();
        assertThat(lines).anyMatch(m -> m.contains("AT+CGSN")).anyMatch(m -> m.contains("AT+CIMI"))
                .anyMatch(m -> m.contains("AT+CCID"));
        // Not even the last digits, which Redaction.phone would keep for a number.
        assertThat(String.join("\n", lines)).doesNotContain("237518").doesNotContain("456789")
                .doesNotContain("678901");
    }

    @Test
    void aRefusedIdentityCommandLeavesThatNumberUnknown() {
        h.sim.respond("AT+CIMI", "ERROR");
        h.sim.respond("AT+CCID", "+CME ERROR: 10");
        SerialModem modem = h.start(SimHarness.fastConfig().build());
        await().until(() -> modem.state().connected());
        assertThat(modem.status().identity()).isEqualTo(new ModemStatus.Identity("490154203237518", null, null));
    }

    /**
     * A snapshot: the modem's threads keep logging while the test reads, and the appender's plain list is only safe
     * under the lock its (synchronized) doAppend holds; streaming it unlocked can throw a
     * ConcurrentModificationException, which fails an await outright.
     */
    private List<String> logged() {
        List<ILoggingEvent> snapshot;
        synchronized (appender) {
            snapshot = List.copyOf(appender.list);
        }
        return snapshot.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
