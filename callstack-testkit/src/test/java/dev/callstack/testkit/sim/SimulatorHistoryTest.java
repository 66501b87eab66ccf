package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A simulator that runs for days keeps its newest lines only: every history is bounded, oldest dropped first. */
@Timeout(30)
class SimulatorHistoryTest {

    @Test
    void historyKeepsTheNewestEntriesAndCountsTheDropped() {
        BoundedHistory<String> history = new BoundedHistory<>(3);
        for (int i = 1; i <= 5; i++) {
            history.add("line " + i);
        }
        assertThat(history.snapshot()).containsExactly("line 3", "line 4", "line 5");
        assertThat(history.dropped()).isEqualTo(2);
    }

    @Test
    void commandLogBoundsBothTheHistoryAndTheUntakenQueue() throws InterruptedException {
        CommandLog log = new CommandLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record("AT+" + i);
        }
        assertThat(log.all()).containsExactly("AT+3", "AT+4", "AT+5");
        assertThat(log.take(0, TimeUnit.SECONDS)).isEqualTo("AT+3");
        assertThat(log.take(0, TimeUnit.SECONDS)).isEqualTo("AT+4");
        assertThat(log.take(0, TimeUnit.SECONDS)).isEqualTo("AT+5");
        assertThat(log.take(0, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void theDefaultLimitIsTenThousandLines() throws InterruptedException {
        CommandLog log = new CommandLog(AtModemSimulator.HISTORY_LIMIT);
        for (int i = 1; i <= AtModemSimulator.HISTORY_LIMIT + 1; i++) {
            log.record("AT+" + i);
        }
        assertThat(log.all()).hasSize(10_000).first().isEqualTo("AT+2");
        assertThat(log.take(0, TimeUnit.SECONDS)).isEqualTo("AT+2");
    }

    @Test
    void aSimulatorDropsItsOldestCommandsAndPdus() throws Exception {
        AtModemSimulator sim = new AtModemSimulator(2);
        HostEnd host = HostEnd.of(sim.openPipe());
        try {
            host.exchange("AT", "OK");
            host.exchange("ATE0", "OK");
            for (String pdu : new String[] {"0011", "0022", "0033"}) {
                host.send("AT+CMGS=1\r");
                host.awaitReceived("> ");
                host.send(pdu + "\u001A");
                host.awaitReceived("OK\r\n");
            }
            assertThat(sim.commands()).containsExactly("AT+CMGS=1", "AT+CMGS=1");
            assertThat(sim.sentPdus()).containsExactly("0022", "0033");
        } finally {
            sim.close();
            host.close();
        }
    }
}
