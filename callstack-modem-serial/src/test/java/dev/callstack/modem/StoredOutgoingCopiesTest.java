package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 12 item 6: drafts and sent copies on the modem are deleted by the sweep unless the embedder says keep them. */
class StoredOutgoingCopiesTest {
    /** An SMS-DELIVER PDU; stored with stat 2 (draft) or 3 (sent) it stands for a message the modem keeps itself. */
    private static final String PDU = "07918497483252F0840B918496445078F700007121320144744004D4F29C0E";
    private final SimHarness h = new SimHarness();

    @AfterEach
    void tearDown() {
        h.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }

    @Test
    void theSweepDeletesDraftsAndSentCopiesByDefault() {
        h.sim.storeRaw("SM", PDU, 2);
        h.sim.storeRaw("SM", PDU, 3);

        SerialModem modem = h.startWithDefaults(SimHarness.fastConfig().build());

        await().until(() -> modem.status().sms().lastSweep() != null);
        assertThat(h.sim.storedSms()).isEmpty();
    }

    @Test
    void theConfigCanKeepThem() {
        int draft = h.sim.storeRaw("SM", PDU, 2);
        int sent = h.sim.storeRaw("SM", PDU, 3);

        SerialModem modem = h.startWithDefaults(SimHarness.fastConfig().deleteStoredOutgoing(false).build());

        await().until(() -> modem.status().sms().lastSweep() != null);
        assertThat(h.sim.storedSms()).containsOnlyKeys(draft, sent);
    }
}
