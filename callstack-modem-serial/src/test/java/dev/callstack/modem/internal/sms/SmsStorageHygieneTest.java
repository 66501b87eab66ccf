package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.SmsReceived;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 items 6 and 8: undecodable PDUs and drafts leave the modem's storage (kept in SQLite first, for the
 * undecodable ones); text-mode {@code +CMT} (testdata/at-transcripts.md §1) and {@code +CMTI} in "ME" are read.
 */
class SmsStorageHygieneTest {
    private static final String FROM = "+4917298765432";

    private final SmsHarness h = new SmsHarness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void undecodablePduIsKeptInTheStoreAndDeletedFromTheModem() {
        String good = TestPdus.single(FROM, "fine");
        // A real PDU cut short: the user data length promises more than there is.
        String truncated = good.substring(0, good.length() - 6);
        int slot = h.sim.storeRaw("SM", truncated, 0);
        h.startAndAwaitSmsReady();

        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.store.undecodable(10)).singleElement().satisfies(u -> {
            assertThat(u.storage()).isEqualTo("SM");
            assertThat(u.index()).isEqualTo(slot);
            assertThat(u.pduHex()).isEqualTo(truncated);
            assertThat(u.reason()).isNotBlank();
            assertThat(u.seenAt()).isEqualTo(h.clock.instant());
        });
        assertThat(h.modem.status().sms().undecodable()).isEqualTo(1);
        assertThat(h.events(SmsReceived.class)).isEmpty();
    }

    @Test
    void draftsAndSentCopiesAreDeleted() {
        h.sim.storeRaw("SM", TestPdus.single(FROM, "a draft"), 2);
        h.sim.storeRaw("SM", TestPdus.single(FROM, "a sent copy"), 3);
        h.startAndAwaitSmsReady();

        await().until(() -> h.sim.storedSms().isEmpty());
        assertThat(h.events(SmsReceived.class)).isEmpty();
    }

    @Test
    void draftsStayWhenConfiguredTo() {
        h.settings(SmsSettings.defaults().withDeleteOutgoing(false).withSweepInterval(Duration.ZERO));
        int draft = h.sim.storeRaw("SM", TestPdus.single(FROM, "a draft"), 2);
        h.startAndAwaitSmsReady();

        assertThat(h.sim.storedSms()).containsOnlyKeys(draft);
    }

    @Test
    void textModeCmtIsStoredAsAMessage() {
        h.startAndAwaitSmsReady();
        h.sim.deliverTextMode(FROM, "26/11/21,11:30:00+04", "Hello in text mode");

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        SmsReceived event = h.events(SmsReceived.class).get(0);
        assertThat(event.sender()).isEqualTo(FROM);
        assertThat(event.body()).isEqualTo("Hello in text mode");
        assertThat(event.smscTimestamp()).isEqualTo(Instant.parse("2026-11-21T10:30:00Z"));
        assertThat(h.store.received(10, java.util.OptionalLong.empty())).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Hello in text mode"));
    }

    @Test
    void cmtiInMeIsReadFromMe() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ZERO));
        h.startAndAwaitSmsReady();
        h.sim.storeRaw("ME", TestPdus.single("+4917200000001", "older one"), 1);
        h.sim.storeRaw("ME", TestPdus.single("+4917200000002", "older two"), 1);
        int slot = h.sim.deliverStored("ME", TestPdus.single(FROM, "in ME"));
        assertThat(slot).isEqualTo(3);

        await().until(() -> h.events(SmsReceived.class).size() == 1);
        assertThat(h.events(SmsReceived.class).get(0).body()).isEqualTo("in ME");
        await().until(() -> !h.sim.storedSms("ME").containsKey(3));
        assertThat(h.sim.storedSms("ME")).containsOnlyKeys(1, 2);
        assertThat(h.sim.commands()).containsSubsequence("AT+CPMS=\"ME\"", "AT+CMGR=3", "AT+CMGD=3",
                "AT+CPMS=\"SM\"");
    }

    @Test
    void aSweepAlsoEmptiesAMemoryACmtiNamed() {
        h.settings(SmsSettings.defaults().withSweepInterval(Duration.ofMillis(100)));
        h.startAndAwaitSmsReady();
        h.sim.deliverStored("ME", TestPdus.single(FROM, "announced in ME"));
        await().until(() -> h.events(SmsReceived.class).size() == 1);
        h.sim.storeRaw("ME", TestPdus.single(FROM, "silently in ME"), 0);

        await().until(() -> h.events(SmsReceived.class).size() == 2);
        await().until(() -> h.sim.storedSms("ME").isEmpty());
    }

}
