package dev.callstack.modem.internal.sms;

import dev.callstack.core.ModemUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the SMS init of the current connection has run: sends wait for it (bounded), stored-message notifications
 * that arrive before it are left for the sweep that follows it. {@code ModemConnected} (and so "ready") comes before
 * the connect hook has switched the modem to PDU mode, so "ready" alone is not enough.
 *
 * <p>Thread-safe.
 */
final class InitGate {
    private static final Logger log = LoggerFactory.getLogger(InitGate.class);

    private final BooleanSupplier ready;
    private final Duration initWait;
    // Completed when the SMS init of the current connection has run; replaced on every disconnect. Sends wait
    // for it: ModemConnected (and so "ready") comes before onConnected() has switched the modem to PDU mode.
    private volatile CompletableFuture<Void> initialised = new CompletableFuture<>();

    /**
     * @param ready    true while the modem is connected
     * @param initWait how long a send waits for the init
     */
    InitGate(BooleanSupplier ready, Duration initWait) {
        this.ready = Objects.requireNonNull(ready, "ready");
        this.initWait = Objects.requireNonNull(initWait, "initWait");
    }

    /** The current connection's gate, taken before its init runs so that {@link #open} opens that one only. */
    CompletableFuture<Void> current() {
        return initialised;
    }

    /**
     * Lets this connection's sends go ahead, or fails them when the modem did not take PDU mode: in text mode
     * {@code AT+CMGS=<length>} would send the PDU as text to the number {@code <length>}. A hook that ran after its
     * connection dropped leaves the gate alone, since {@link #disconnected} may already have put the next
     * connection's gate in place.
     */
    void open(CompletableFuture<Void> gate, boolean pduMode) {
        if (!ready.getAsBoolean()) {
            return;
        }
        if (pduMode) {
            gate.complete(null);
        } else {
            gate.completeExceptionally(new ModemUnavailableException("SMS init failed"));
        }
    }

    /** Puts the next connection's gate in place. */
    void disconnected() {
        CompletableFuture<Void> previous = initialised;
        initialised = new CompletableFuture<>();
        // Sends waiting for an init that will not finish fail now rather than at their timeout.
        previous.completeExceptionally(new ModemUnavailableException("modem disconnected"));
    }

    /** Whether this connection's init has run, successfully or not. */
    boolean isDone() {
        return initialised.isDone();
    }

    /**
     * On the inbound thread. A stored-message notification handled before the init would read in whatever mode the
     * modem is in; it is left for the sweep that follows the init instead.
     */
    boolean initialisedNow() {
        if (initialised.isDone()) {
            return true;
        }
        log.debug("Notification before SMS init; the init sweep will handle it");
        return false;
    }

    /** On the send thread: waits (bounded) until the SMS init of this connection ran. */
    void await() {
        if (!ready.getAsBoolean()) {
            throw new ModemUnavailableException("modem not connected");
        }
        try {
            initialised.get(initWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ModemUnavailableException("SMS service not initialised");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModemUnavailableException("interrupted while waiting for the SMS service");
        }
    }

    /** Lets everything waiting go: the service is closing and the send queue answers them. */
    void close() {
        initialised.complete(null);
    }
}
