package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SimStatus;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.testkit.sim.PinState;
import dev.callstack.testkit.sim.SimProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12 items 2–4 end to end: a modem that restarts under a live link (boot lines, echo back, a setting lost), a
 * modem whose SMS service is not ready yet, and one whose {@code AT+CNMI=?} ranges rule out the usual setting. The
 * simulator replays the boot lines of {@code testdata/at-transcripts.md} §10.
 */
class ModemRestartTest {
    private static final String FROM = "+4917298765432";
    private static final PhoneNumber TO = PhoneNumber.of("+4917612345678");

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void bootLinesUnderALiveLinkRunTheWholeInitAgain() {
        h.startAndAwaitSmsReady();
        int hooks = h.smsReadyCount();
        h.sim.restart();

        await().until(() -> h.smsReadyCount() > hooks);
        assertThat(h.sim.echoing()).isFalse();
        assertThat(h.sim.cnmi()).isEqualTo("2,1,0,2,0");
        assertThat(h.modem.status().modem().restarts()).isEqualTo(1);
        assertThat(h.modem.status().sim().state()).isEqualTo(SimStatus.READY);
        List<ModemEvent> lifecycle = h.events.stream()
                .filter(e -> e instanceof ModemConnected || e instanceof ModemDisconnected).toList();
        assertThat(lifecycle).hasSize(3);
        assertThat(lifecycle.get(1)).isInstanceOfSatisfying(ModemDisconnected.class,
                d -> assertThat(d.reason()).isEqualTo("modem restarted"));
        assertThat(lifecycle.get(2)).isInstanceOf(ModemConnected.class);

        h.sim.deliverStored(TestPdus.single(FROM, "after the restart"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("after the restart");
        // The burst of five boot lines was one restart.
        assertThat(h.modem.status().modem().restarts()).isEqualTo(1);
    }

    /**
     * Each simulated family's own boot burst ({@code RDY}/{@code SMS DONE} on a SIM7600, the {@code +QIND} family on
     * an EC25, {@code ^SYSSTART}/{@code ^SIMST: 1} without any SMS-ready line on a Huawei) is one restart, and the
     * init that follows restores echo off and the {@code AT+CNMI} routing.
     */
    @ParameterizedTest
    @EnumSource(SimProfile.class)
    void everyProfilesBootBurstIsOneRestartAndTheInitRunsAgain(SimProfile profile) {
        try (SmsHarness p = new SmsHarness(profile)) {
            p.startAndAwaitSmsReady();
            int hooks = p.smsReadyCount();
            p.sim.restart();

            await().until(() -> p.smsReadyCount() > hooks);
            assertThat(p.sim.echoing()).isFalse();
            assertThat(p.sim.cnmi()).isEqualTo("2,1,0,2,0");
            assertThat(p.modem.status().modem().restarts()).isEqualTo(1);
            p.sim.deliverStored(TestPdus.single(FROM, "after the restart"));
            await().until(() -> p.events(SmsReceived.class).size() == 1);
        }
    }

    /**
     * Each family's not-ready answer (SIM800 {@code +CMS ERROR: 302}, SIM7600 314, EC25 {@code +CME ERROR: 14},
     * Huawei 515) is retried until the SMS init goes through, and a send works after it.
     */
    @ParameterizedTest
    @EnumSource(SimProfile.class)
    void everyProfilesNotReadyAnswerIsRetriedUntilSmsWorks(SimProfile profile) throws Exception {
        try (SmsHarness p = new SmsHarness(profile)) {
            p.sim.smsNotReadyFor(3);
            p.start();

            await().until(() -> p.sim.cnmi().equals("2,1,0,2,0") && p.sim.commands().contains("AT+CMGL=4"));
            SmsSendResult sent = p.modem.sms().send(TO, "late but sent").get(30, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(p.sim.sentPdus()).hasSize(1);
        }
    }

    @Test
    void aSimThatAsksForItsPinAgainAfterARestartGetsItFromTheReInit() {
        h.sim.pinState(PinState.SIM_PIN);
        h.sim.pin("8642");
        h.sim.pinAfterRestart(true);
        h.simPin("8642").startAndAwaitSmsReady();
        int hooks = h.smsReadyCount();
        h.sim.restart();

        await().until(() -> h.smsReadyCount() > hooks);
        assertThat(h.sim.commands().stream().filter("AT+CPIN=\"8642\""::equals)).hasSize(2);
        assertThat(h.sim.pinState()).isEqualTo(PinState.READY);
        assertThat(h.modem.status().sim().state()).isEqualTo(SimStatus.READY);
        assertThat(h.modem.status().modem().restarts()).isEqualTo(1);
    }

    @Test
    void echoComingBackRunsTheInitAgain() throws Exception {
        h.startAndAwaitSmsReady();
        int hooks = h.smsReadyCount();
        h.sim.echo(true);
        SmsSendResult sent = h.modem.sms().send(TO, "echo").get(30, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();

        await().until(() -> h.smsReadyCount() > hooks);
        assertThat(h.sim.echoing()).isFalse();
        assertThat(h.modem.status().modem().restarts()).isEqualTo(1);
    }

    @Test
    void aLostCnmiIsFoundByThePeriodicCheck() {
        h.settings(SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(30))
                .withReassembly(Duration.ofHours(24), 256, Duration.ofMillis(200)));
        h.startAndAwaitSmsReady();
        int hooks = h.smsReadyCount();
        // The modem restarted silently (no boot line got through): only the setting tells.
        h.sim.respondOnce("AT+CNMI?", "+CNMI: 0,0,0,0,0", "OK");

        await().until(() -> h.smsReadyCount() > hooks);
        assertThat(h.modem.status().modem().restarts()).isEqualTo(1);
        assertThat(h.sim.commands()).contains("AT+CNMI?");
    }

    @Test
    void smsInitIsRetriedUntilTheModemIsReadyAndThenSendsWork() throws Exception {
        h.sim.smsNotReadyFor(3);
        h.start();

        await().until(() -> h.sim.cnmi().equals("2,1,0,2,0") && h.sim.commands().contains("AT+CMGL=4"));
        SmsSendResult sent = h.modem.sms().send(TO, "late but sent").get(30, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(h.sim.sentPdus()).hasSize(1);
    }

    @Test
    void smsReadyTriggersTheRetryAtOnce() {
        // Retries far apart: only the modem's SMS Ready line can make the init run again within the test.
        h.initRetry(Duration.ofHours(1));
        h.sim.smsNotReady();
        h.start();
        await().until(() -> h.smsReadyCount() == 1);
        assertThat(h.sim.cnmi()).isEqualTo("2,1,0,2,0"); // the saved setting; the init has not set it
        long cmgfBefore = h.sim.commands().stream().filter("AT+CMGF=0"::equals).count();

        h.sim.smsReady();

        await().until(() -> h.sim.commands().stream().filter("AT+CMGF=0"::equals).count() > cmgfBefore
                && h.sim.commands().contains("AT+CMGL=4"));
    }

    @Test
    void restrictiveCnmiRangesStillAnnounceMessages() {
        h.sim.cnmiRanges("(0,1),(0,1),(0),(0,1),(1)");
        h.startAndAwaitSmsReady();

        assertThat(h.sim.cnmi()).isEqualTo("1,1,0,1,1");
        assertThat(h.sim.commands()).contains("AT+CNMI=?", "AT+CNMI=1,1,0,1,1")
                .noneMatch(c -> c.startsWith("AT+CNMI=2"));
        h.sim.deliverStored(TestPdus.single(FROM, "announced"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
    }
}
