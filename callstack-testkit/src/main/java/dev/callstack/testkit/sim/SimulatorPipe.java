package dev.callstack.testkit.sim;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The host end of an in-memory link to an {@link AtModemSimulator}: what a serial port would be to a real modem.
 *
 * <p>Reads block until the modem writes; each read returns bytes of at most one modem write, so
 * {@link AtModemSimulator#splitWrites(int)} fragments reach the host as separate reads. When the simulator unplugs
 * (or closes) the link, {@link #hostInput()} returns -1 once drained and {@link #hostOutput()} throws an
 * {@link java.io.IOException}. {@link #close()} from the host side is seen by the simulator as the link going away.
 *
 * <p>Thread-safe.
 */
public final class SimulatorPipe implements AutoCloseable {
    private final ChunkQueue toHost;
    private final ChunkQueue toModem;
    private final InputStream hostInput;
    private final OutputStream hostOutput;

    SimulatorPipe(ChunkQueue toHost, ChunkQueue toModem) {
        this.toHost = Objects.requireNonNull(toHost, "toHost");
        this.toModem = Objects.requireNonNull(toModem, "toModem");
        this.hostInput = toHost.inputStream();
        this.hostOutput = toModem.outputStream();
    }

    /**
     * Bytes from the modem.
     *
     * @return the stream the host reads the modem's answers and URCs from
     */
    public InputStream hostInput() {
        return hostInput;
    }

    /**
     * Bytes to the modem.
     *
     * @return the stream the host writes commands to
     */
    public OutputStream hostOutput() {
        return hostOutput;
    }

    @Override
    public void close() {
        toModem.close();
        toHost.close();
    }
}
