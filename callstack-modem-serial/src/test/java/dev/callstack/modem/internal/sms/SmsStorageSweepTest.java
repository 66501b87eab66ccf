package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.ModemStatus;
import dev.callstack.core.event.SmsReceived;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: {@code +CMTI} is lost in the field (Quectel's {@code AT+QURCCFG} port routing, Huawei's PCUI port,
 * a refused {@code CNMI}, a reconnect), so every storage in use is swept periodically and at once on a storage-full
 * signal ({@code +CIEV: "SMSFULL",1}, {@code ^SMMEMFULL}, {@code +CMS ERROR: 322}; testdata/at-transcripts.md).
 */
class SmsStorageSweepTest {
    private static final String FROM = "+4917298765432";

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void messageStoredWithoutCmtiIsDeliveredWithinOneSweepIntervalAndDeleted() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ofMillis(100)));
        h.startAndAwaitSmsReady();
        h.sim.storeSms(TestPdus.single(FROM, "no cmti came"));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("no cmti came");
        await().until(() -> h.sim.storedSms().isEmpty());
        await().until(() -> h.modem.status().sms().lastSweep() != null);
        ModemStatus.Sms sms = h.modem.status().sms();
        assertThat(sms.sweepInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(sms.storageTotal()).isEqualTo(30);
        assertThat(sms.storageUsed()).isBetween(0, 1);
    }

    @Test
    void zeroIntervalMeansNoPeriodicSweep() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.startAndAwaitSmsReady();
        int silent = h.sim.storeSms(TestPdus.single(FROM, "silent"));
        h.sim.deliverStored(TestPdus.single(FROM, "announced"));

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("announced");
        assertThat(h.sim.storedSms()).containsOnlyKeys(silent);
        assertThat(h.sim.commands()).filteredOn("AT+CMGL=4"::equals).hasSize(1);
        assertThat(h.modem.status().sms().sweepInterval()).isZero();
    }

    @Test
    void storageFullUrcSweepsAtOnce() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.startAndAwaitSmsReady();
        h.sim.storeSms(TestPdus.single(FROM, "while full"));
        h.sim.signalStorageFull();

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        await().until(() -> h.sim.storedSms().isEmpty());
    }

    @Test
    void fullMemoryRefusesTheDeliveryAndTheSweepFreesIt() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.startAndAwaitSmsReady();
        h.sim.fillStorage("SM", TestPdus.single(FROM, "filler"));
        assertThat(h.sim.deliverStored("SM", TestPdus.single(FROM, "refused"))).isEqualTo(-1);

        await().until(() -> h.sim.storedSms().isEmpty());
        // Thirty identical PDUs in thirty slots: each slot is its own message.
        await().until(() -> h.events(SmsReceived.class).size() == 30);
    }

    @Test
    void cmsError322OnAnSmsCommandSweepsAtOnce() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.sim.respond("AT+CNMA", "+CMS ERROR: 322");
        h.startAndAwaitSmsReady();
        h.sim.storeSms(TestPdus.single(FROM, "stored"));
        h.sim.deliverDirect(TestPdus.single(FROM, "direct"));

        await().until(() -> h.events(SmsReceived.class).size() == 2);
        assertThat(h.events(SmsReceived.class)).extracting(SmsReceived::body).containsExactly("direct", "stored");
        await().until(() -> h.sim.storedSms().isEmpty());
    }

    @Test
    void sweepRequestsDuringASweepRunOnceAfterIt() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.startAndAwaitSmsReady();
        int first = h.sim.storeSms(TestPdus.single(FROM, "first"));
        // Holds sweep A in its delete, so the next signals arrive while it runs (the assertions below do not
        // depend on how long: they wait for the last queued task, whatever the timing).
        h.sim.delay("AT+CMGD=" + first, Duration.ofSeconds(2));
        h.sim.signalStorageFull();
        await().until(() -> h.sim.commands().contains("AT+CMGD=" + first));
        h.sim.signalStorageFull();
        h.sim.signalStorageFull();
        h.sim.signalStorageFull();
        int marker = h.sim.deliverStored(TestPdus.single(FROM, "marker"));

        // The +CMTI task was queued after every sweep request: once it has read its slot, all sweeps have run.
        await().until(() -> h.sim.commands().contains("AT+CMGR=" + marker));
        await().until(() -> h.events(SmsReceived.class).size() == 2);
        // The connect sweep, sweep A, and one more for the three signals that came during A.
        assertThat(h.sim.commands()).filteredOn("AT+CMGL=4"::equals).hasSize(3);
    }
}
