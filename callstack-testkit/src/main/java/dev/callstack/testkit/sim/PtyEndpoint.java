package dev.callstack.testkit.sim;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A pseudo-terminal pair (made by socat) whose modem end the {@link AtModemSimulator} serves; the host opens
 * {@link #hostDevice()} like a serial port (jSerialComm, or plain file streams). The path stays the same across
 * {@link AtModemSimulator#unplug()}/{@link AtModemSimulator#replug()}; while unplugged it does not exist.
 *
 * <p>Thread-safe.
 */
public final class PtyEndpoint implements AutoCloseable {
    private final Path hostDevice;
    private final Runnable closer;

    PtyEndpoint(Path hostDevice, Runnable closer) {
        this.hostDevice = Objects.requireNonNull(hostDevice, "hostDevice");
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    /**
     * The symlink to the host-side tty (for example {@code /tmp/callstack-sim-123/host -> /dev/pts/4}).
     *
     * @return the path a serial driver opens
     */
    public Path hostDevice() {
        return hostDevice;
    }

    /** Stops serving the pty, kills socat and deletes the temporary directory. */
    @Override
    public void close() {
        closer.run();
    }
}
