package dev.callstack.modem.internal;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemBusyException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.UssdApi;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.urc.Urc;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USSD over {@code AT+CUSD=1,"<code>",15}: the request completes with the next {@code +CUSD} reply (which may
 * arrive before or after the command's OK), fails with {@link ModemTimeoutException} after the caller's timeout
 * (and the network session is cancelled with {@code AT+CUSD=2}), or with {@link ModemRejectedException} for status
 * 4 (not supported) or an error result. One session at a time: a second request while one is under way fails fast
 * with {@link ModemBusyException}. Every {@code +CUSD} is also published as a {@link UssdResponse}.
 *
 * <p>Thread-safe.
 */
final class UssdService implements UssdApi {
    private static final Logger log = LoggerFactory.getLogger(UssdService.class);

    private final AtChannel at;
    private final ScheduledExecutorService engine;
    private final EventBus events;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Executor callbacks;
    private final AtomicReference<Session> current = new AtomicReference<>();

    UssdService(AtChannel at, ScheduledExecutorService engine, EventBus events, Clock clock, BooleanSupplier ready,
                Executor callbacks) {
        this.at = Objects.requireNonNull(at, "at");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    @Override
    public CompletableFuture<UssdResponse> send(UssdCode code, Duration timeout) {
        if (code == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("USSD needs a code and a positive timeout"));
        }
        if (!ready.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ModemUnavailableException("modem not connected"));
        }
        Session session = new Session();
        if (!current.compareAndSet(null, session)) {
            return CompletableFuture.failedFuture(new ModemBusyException("another USSD session is in progress"));
        }
        try {
            session.timer = engine.schedule(() -> onTimeout(session), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed between the ready check and here: fail typed and free the slot for nobody to wait on.
            end(session);
            return CompletableFuture.failedFuture(new ModemUnavailableException("modem closed"));
        }
        // The session's own future carries the outcome; this chain only routes a command failure into it.
        var unused = at.execute(AtCommand.simple("AT+CUSD=1,\"" + code.value() + "\",15").withTimeout(timeout))
                .whenComplete((response, error) -> {
                    if (error != null && end(session)) {
                        session.result.completeExceptionally(AsyncResults.unwrap(error));
                    }
                });
        return AsyncResults.relay(session.result, callbacks);
    }

    /** A {@code +CUSD} URC; called on the engine thread. */
    void onUssd(Urc.Ussd urc) {
        UssdResponse response = new UssdResponse(clock.instant(), urc.status(), urc.message(), urc.dcs());
        events.publish(response);
        Session session = current.get();
        if (session == null || !end(session)) {
            log.debug("USSD reply with status {} outside a session", urc.status());
            return;
        }
        switch (urc.status()) {
            case 4 -> session.result.completeExceptionally(
                    new ModemRejectedException("USSD not supported by the network", 4));
            case 5 -> session.result.completeExceptionally(new ModemTimeoutException("USSD network time out"));
            default -> session.result.complete(response);
        }
    }

    /** The link went away: the session cannot complete. */
    void onDisconnected() {
        Session session = current.get();
        if (session != null && end(session)) {
            session.result.completeExceptionally(new ModemUnavailableException("modem disconnected"));
        }
    }

    private void onTimeout(Session session) {
        if (end(session)) {
            session.result.completeExceptionally(new ModemTimeoutException("no USSD reply in time"));
            // Best effort: a session left open on the network blocks the next request on many modems.
            var unused = at.execute(AtCommand.simple("AT+CUSD=2")); // its outcome changes nothing
        }
    }

    private boolean end(Session session) {
        if (current.compareAndSet(session, null)) {
            ScheduledFuture<?> timer = session.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            return true;
        }
        return false;
    }

    private static final class Session {
        final CompletableFuture<UssdResponse> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> timer;
    }
}
