package dev.callstack.modem;

import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Links to a simulator over in-memory pipes that a test can unplug: while unplugged, opening fails as a missing
 * device would. Thread-safe: {@link #unplug()} may race with the modem's reconnect loop opening a link.
 */
public final class PluggableSimLink implements ConnectionFactory {
    private final AtModemSimulator sim;
    private final AtomicBoolean plugged = new AtomicBoolean(true);

    public PluggableSimLink(AtModemSimulator sim) {
        this.sim = Objects.requireNonNull(sim, "sim");
    }

    @Override
    public Connection open() throws IOException {
        SimulatorPipe pipe = sim.openPipe();
        // Checked after opening: an unplug between a check and openPipe() would otherwise hand out a live pipe
        // that the unplug never closed, and the modem would stay connected.
        if (!plugged.get()) {
            pipe.close();
            throw new IOException("unplugged");
        }
        return new Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "sim pipe");
    }

    public void unplug() {
        plugged.set(false);
        sim.unplug();
    }

    public void replug() {
        sim.replug();
        plugged.set(true);
    }
}
