package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A second caller during an active call (27.007 call waiting), as a host sees it over the pipe. */
@Timeout(30)
class WaitingCallTest {
    private AtModemSimulator sim;
    private HostEnd host;

    @BeforeEach
    void open() {
        sim = new AtModemSimulator();
        host = HostEnd.of(sim.openPipe());
        sim.incomingCall("+15550100100");
        host.awaitReceived(",0\r\n");
        host.exchange("ATA", "OK");
    }

    /** Each line as the modem frames it: CR LF before and after. */
    private static String framed(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("\r\n").append(line).append("\r\n");
        }
        return out.toString();
    }

    @AfterEach
    void close() throws Exception {
        sim.close();
        host.close();
    }

    @Test
    void aWaitingCallIsAnnouncedListedAndGivesUpWithABareNoCarrier() {
        sim.waitingCall("+15550100200", false);
        assertThat(host.awaitReceived(",1\r\n")).isEqualTo("\r\n+CCWA: \"+15550100200\",145,1\r\n");
        assertThat(host.exchange("AT+CLCC", "OK")).isEqualTo(framed("+CLCC: 1,1,0,0,0,\"+15550100100\",145",
                "+CLCC: 2,1,5,0,0,\"+15550100200\",145", "OK"));

        sim.waitingCallerGivesUp();

        assertThat(host.awaitReceived("NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        assertThat(host.exchange("AT+CLCC", "OK"))
                .isEqualTo("\r\n+CLCC: 1,1,0,0,0,\"+15550100100\",145\r\n\r\nOK\r\n");
    }

    @Test
    void simcomRepeatsRingAndClipAfterTheCcwa() {
        sim.waitingCall("5550100200", true);
        assertThat(host.awaitReceived(",\"\",0\r\n")).isEqualTo(framed("+CCWA: \"5550100200\",129,1", "RING",
                "+CLIP: \"5550100200\",129,\"\",0,\"\",0"));
    }

    @Test
    void aSilentWaitingCallShowsOnlyInTheCallList() {
        sim.waitingCallSilently("+15550100200");
        assertThat(host.exchange("AT+CLCC", "OK")).contains("+CLCC: 2,1,5,0,0,\"+15550100200\",145");

        sim.waitingCallerGivesUpSilently();

        assertThat(host.exchange("AT+CLCC", "OK"))
                .isEqualTo("\r\n+CLCC: 1,1,0,0,0,\"+15550100100\",145\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n"); // no NO CARRIER came in between
    }

    @Test
    void endingOurCallDropsTheWaitingOneAndACallWaitsOnlyDuringAnActiveCall() {
        sim.waitingCallSilently("+15550100200");
        sim.remoteHangup();
        host.awaitReceived("NO CARRIER\r\n");
        assertThat(host.exchange("AT+CLCC", "OK")).isEqualTo("\r\nOK\r\n");
        assertThatThrownBy(() -> sim.waitingCall("+15550100200", false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sim::waitingCallerGivesUp).isInstanceOf(IllegalStateException.class);
    }
}
