package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmsInitTest {
    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void oddStorageAnswersAndARefusedCnmiFallBackToDefaults() {
        h.sim.respond("AT+CPMS?", "+CPMS: ", "OK");
        h.sim.respond("AT+CNMI=2,1,0,2,0", "ERROR");
        h.sim.respond("AT+CSMS?", "+CSMS: 0,1,1,1", "OK");
        h.startAndAwaitSmsReady();
        assertThat(h.sim.commands()).containsSubsequence("AT+CMGF=0", "AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,1,0",
                "AT+CMGL=4");

        h.sim.deliverDirect(TestPdus.single("+4917298765432", "phase 0"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        // Phase 0 message service: no acknowledgement.
        assertThat(h.sim.commands()).doesNotContain("AT+CNMA");
    }

    @Test
    void statusReportStorageIsSweptWhenTheModemHasOne() {
        h.sim.respond("AT+CPMS=?", "+CPMS: (\"SM\",\"ME\",\"SR\"),(\"SM\",\"ME\"),(\"SM\",\"ME\")", "OK");
        h.sim.storeSms(TestPdus.statusReport(3, "+4917212345678", 0));
        h.startAndAwaitSmsReady();
        await().until(() -> h.events(SmsDeliveryReport.class).size() == 1);
        List<String> commands = h.sim.commands();
        assertThat(commands).containsSubsequence("AT+CMGL=4", "AT+CPMS=\"SR\"", "AT+CMGL=4", "AT+CPMS=\"SM\"");
    }
}
