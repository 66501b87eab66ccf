package dev.callstack.testkit.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** Tests that talk AT to a simulator of one profile over a pipe: {@link #open} it, the end of each test closes it. */
@Timeout(30)
abstract class ProfilePipeTest {
    AtModemSimulator sim;
    HostEnd host;

    void open(SimProfile profile) {
        sim = new AtModemSimulator(profile);
        host = HostEnd.of(sim.openPipe());
    }

    @AfterEach
    void closePipe() throws Exception {
        sim.close();
        host.close();
    }
}
