package dev.callstack.testkit;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.Registration;
import dev.callstack.core.event.SignalQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The fake modem's link and network: connected or closed, registration, operator, signal, and the operations
 * scripted to hang, which fail when the modem disconnects or closes, as a real one's would.
 *
 * <p>Thread-safe; the per-API fakes call it while holding their own lock, so it calls nothing else while holding its
 * own (lock order: API fake, then network).
 */
final class FakeNetwork {
    private boolean connected = true;
    private boolean closed;
    private Registration registration = Registration.HOME;
    private AccessTechnology technology = AccessTechnology.UNKNOWN;
    private String operator = FakeModem.OPERATOR;
    private SignalQuality signal;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    FakeNetwork(SignalQuality signal) {
        this.signal = Objects.requireNonNull(signal, "signal");
    }

    /** Disconnected (or closed): {@code connected} false, registration unknown, no operator or signal. */
    synchronized ModemState state() {
        if (!connected || closed) {
            return new ModemState(false, Registration.UNKNOWN, null, null,
                    FakeModem.MANUFACTURER, FakeModem.MODEL, FakeModem.REVISION);
        }
        return new ModemState(true, registration, operator, signal,
                FakeModem.MANUFACTURER, FakeModem.MODEL, FakeModem.REVISION);
    }

    /** Sets both; true when the pair changed while connected (a change worth an event). */
    synchronized boolean registration(Registration registration, AccessTechnology technology) {
        boolean changed = this.registration != registration || this.technology != technology;
        this.registration = Objects.requireNonNull(registration, "registration");
        this.technology = Objects.requireNonNull(technology, "technology");
        return changed && connected && !closed;
    }

    synchronized AccessTechnology technology() {
        return technology;
    }

    synchronized void operator(String operator) {
        this.operator = operator;
    }

    synchronized void signal(SignalQuality signal) {
        this.signal = Objects.requireNonNull(signal, "signal");
    }

    synchronized void connected() {
        connected = true;
    }

    /** Marks the modem disconnected and fails the hanging operations. */
    void disconnected() {
        List<CompletableFuture<?>> abandoned;
        synchronized (this) {
            connected = false;
            abandoned = takePending();
        }
        failAll(abandoned, "modem disconnected");
    }

    /** Marks the modem closed for good and fails the hanging operations. Idempotent. */
    void closed() {
        List<CompletableFuture<?>> abandoned;
        synchronized (this) {
            closed = true;
            abandoned = takePending();
        }
        failAll(abandoned, "modem closed");
    }

    /** A failed future when the modem cannot serve requests now, else {@code null}. */
    synchronized <T> CompletableFuture<T> refusal() {
        ModemUnavailableException unavailable = unavailable();
        return unavailable == null ? null : CompletableFuture.failedFuture(unavailable);
    }

    /**
     * A future that stays pending until the modem disconnects or closes; already failed when it is disconnected or
     * closed now, so an operation racing a disconnect is never left hanging.
     */
    synchronized <T> CompletableFuture<T> hang() {
        ModemUnavailableException unavailable = unavailable();
        if (unavailable != null) {
            return CompletableFuture.failedFuture(unavailable);
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        pending.add(future);
        return future;
    }

    /** Why the modem cannot serve a request now, or {@code null} when it can. Caller holds the lock. */
    private ModemUnavailableException unavailable() {
        if (closed) {
            return new ModemUnavailableException("modem closed");
        }
        if (!connected) {
            return new ModemUnavailableException("modem disconnected");
        }
        return null;
    }

    /** Caller holds the lock. */
    private List<CompletableFuture<?>> takePending() {
        List<CompletableFuture<?>> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** Outside the lock: completing runs the caller's dependent stages on this thread. */
    private static void failAll(List<CompletableFuture<?>> futures, String reason) {
        for (CompletableFuture<?> future : futures) {
            future.completeExceptionally(new ModemUnavailableException(reason));
        }
    }
}
