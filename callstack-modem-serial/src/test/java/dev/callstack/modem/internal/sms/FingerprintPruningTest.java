package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.store.MessageFingerprint;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FingerprintPruningTest {
    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void maintenanceForgetsFingerprintsOlderThanTheRetentionAndKeepsYoungerOnes() {
        h.settings(SmsSettings.defaults().withReassembly(Duration.ofHours(24), 256, Duration.ofMillis(20))
                .withFingerprintRetention(Duration.ofDays(7)));
        h.startAndAwaitSmsReady();
        String pdu = TestPdus.single("+4917298765432", "fingerprinted");
        int slot = h.sim.deliverStored(pdu);
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        String old = MessageFingerprint.of("SM", slot, pdu);
        assertThat(h.store.seen(old)).isTrue();

        h.clock.advance(Duration.ofDays(8));
        String young = MessageFingerprint.of("SM", slot + 1, pdu);
        h.store.markSeen(young, h.clock.instant().minus(Duration.ofDays(6)));

        await().until(() -> !h.store.seen(old));
        assertThat(h.store.seen(young)).isTrue();
    }

    @Test
    void retentionIsNinetyDaysByDefaultAndMustOutliveTheReassemblyTimeout() {
        assertThat(SmsSettings.defaults().fingerprintRetention()).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> SmsSettings.defaults().withFingerprintRetention(Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsSettings.defaults().withReassembly(Duration.ofDays(90), 256,
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
