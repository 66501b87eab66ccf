package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimRestartAndSettingsTest extends ProfilePipeTest {
    @Test
    void cnmiIsRememberedAndCheckedAgainstTheProfilesRanges() {
        open(SimProfile.EC25);
        assertThat(host.exchange("AT+CNMI=?", "OK")).isEqualTo("\r\n+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CNMI=3,1,0,2,0", "303")).isEqualTo("\r\n+CMS ERROR: 303\r\n");
        assertThat(host.exchange("AT+CNMI=1,1,0,1,0", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CNMI?", "OK")).isEqualTo("\r\n+CNMI: 1,1,0,1,0\r\n\r\nOK\r\n");
        assertThat(sim.cnmi()).isEqualTo("1,1,0,1,0");
    }

    @Test
    void storedMessagesAreAnnouncedOnlyWhenCnmiAsksForIt() {
        open(SimProfile.SIM800);
        sim.cnmiRanges("(0,1),(0,1),(0),(0,1),(1)");
        sim.deliverStored(AtModemSimulatorPipeTest.DELIVER_PDU);
        assertThat(host.exchange("AT+CNMI=1,1,0,0,1", "OK")).isEqualTo("\r\nOK\r\n");
        sim.deliverStored(AtModemSimulatorPipeTest.DELIVER_PDU);
        // The first message was stored silently: the first URC the host sees announces the second.
        assertThat(host.awaitReceived(",2\r\n")).isEqualTo("\r\n+CMTI: \"SM\",2\r\n");
        sim.deliverReportStored(AtModemSimulatorPipeTest.REPORT_PDU);
        assertThat(sim.storedSms()).hasSize(3);
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void restartEmitsTheBootLinesAndForgetsEverySetting() {
        open(SimProfile.SIM800);
        assertThat(host.exchange("ATE0", "OK")).isEqualTo("\r\nOK\r\n");
        sim.restart();
        assertThat(host.awaitReceived("SMS Ready\r\n"))
                .isEqualTo("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n");
        assertThat(sim.echoing()).isTrue();
        assertThat(sim.cnmi()).isEqualTo("0,0,0,0,0");
        assertThat(host.exchange("AT+CMGF?", "OK")).isEqualTo("AT+CMGF?\r\r\n+CMGF: 0\r\n\r\nOK\r\n");
    }

    @Test
    void smsCommandsAreRefusedUntilTheServiceIsReadyThenTheReadyLineFollows() {
        open(SimProfile.EC25);
        sim.smsNotReadyFor(2);
        assertThat(host.exchange("AT+CMGF=0", "14")).isEqualTo("\r\n+CME ERROR: 14\r\n");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CMGF=0", "SMS DONE")).isEqualTo("\r\n+CME ERROR: 14\r\n\r\n+QIND: SMS DONE\r\n");
        assertThat(host.exchange("AT+CMGF=0", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void smsReadyEndsAnOpenEndedNotReady() {
        open(SimProfile.SIM800);
        sim.smsNotReady();
        assertThat(host.exchange("AT+CPMS?", "302")).isEqualTo("\r\n+CMS ERROR: 302\r\n");
        assertThat(host.exchange("AT+CPMS?", "302")).isEqualTo("\r\n+CMS ERROR: 302\r\n");
        sim.smsReady();
        assertThat(host.awaitReceived("SMS Ready\r\n")).isEqualTo("\r\nSMS Ready\r\n");
        assertThat(host.exchange("AT+CMGF=0", "OK")).isEqualTo("\r\nOK\r\n");
    }
}
