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

    @Test
    void memoriesAreChosenFromTheOfferedListsAndAMemoryMem1CannotReadIsNeverSet() {
        // ModemManager's Cinterion +CPMS=? answer (testdata/at-transcripts.md §14): mem1 offers no "SM", messages
        // arrive in "SM". Before, the init kept AT+CPMS? and switched mem1 to "SM" to sweep it: refused, and the
        // stored message was never read.
        h.sim.offerStorages(List.of(List.of("ME", "MT"), List.of("ME", "SM", "MT"), List.of("SM", "MT")));
        h.sim.storeSms(TestPdus.single("+4917298765432", "waiting in SM"));
        h.startAndAwaitSmsReady();
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.sim.commands()).contains("AT+CPMS=\"MT\",\"MT\",\"MT\"")
                .noneMatch(c -> c.startsWith("AT+CPMS=\"SM\"") || c.startsWith("AT+CPMS=\"ME\""));
    }

    @Test
    void aModemOfferingOnlyItsOwnMemoryIsSetToItAndItsAnnouncedMessagesAreRead() {
        // gammu's smsd test modem: +CPMS: ("ME"),("ME").
        h.sim.offerStorages(List.of(List.of("ME"), List.of("ME")));
        h.startAndAwaitSmsReady();
        h.sim.deliverStored(TestPdus.single("+4917298765432", "in ME"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.sim.commands()).contains("AT+CPMS=\"ME\",\"ME\"")
                .noneMatch(c -> c.startsWith("AT+CPMS=\"SM\""));
        assertThat(h.sim.storedSms("ME")).isEmpty();
    }
}
