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
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>The code goes in as the profile says ({@link ModemProfile#ussdEncoding()}): as text, or packed GSM-7 hex for
 * Huawei. A modem that refuses the text form with a bare error (or CME 100, unknown) is asked once more with the
 * packed form; when that works, this modem gets the packed form from then on (until the next link).
 *
 * <p>Thread-safe.
 */
final class UssdService implements UssdApi {
    private static final Logger log = LoggerFactory.getLogger(UssdService.class);
    /** Errors with which a modem refuses the text form it does not parse: bare ERROR (no code) or CME 100. */
    private static final int CME_UNKNOWN = 100;

    private final AtChannel at;
    private final ScheduledExecutorService engine;
    private final EventBus events;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Executor callbacks;
    private final ActiveProfile profile;
    private final AtomicReference<Session> current = new AtomicReference<>();
    // Learned on this link: the text form was refused and the packed form worked.
    private final AtomicBoolean packedLearned = new AtomicBoolean();

    UssdService(AtChannel at, ScheduledExecutorService engine, EventBus events, Clock clock, BooleanSupplier ready,
                Executor callbacks, ActiveProfile profile) {
        this.at = Objects.requireNonNull(at, "at");
        this.profile = Objects.requireNonNull(profile, "profile");
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
        boolean packedFirst = packedLearned.get()
                || profile.get().ussdEncoding() == ModemProfile.UssdEncoding.PACKED_GSM7_HEX;
        String packed = UssdCodePacker.pack(code.value());
        // The session's own future carries the outcome; this chain only routes a command failure into it.
        var unused = at.execute(request(packedFirst ? packed : code.value(), timeout))
                .exceptionallyCompose(error -> {
                    if (packedFirst || !refusesText(AsyncResults.unwrap(error)) || current.get() != session) {
                        return CompletableFuture.failedFuture(AsyncResults.unwrap(error));
                    }
                    log.info("USSD text form refused; retrying once as packed GSM-7");
                    return at.execute(request(packed, timeout)).thenApply(response -> {
                        packedLearned.set(true);
                        return response;
                    });
                })
                .whenComplete((response, error) -> {
                    if (error != null && end(session)) {
                        session.result.completeExceptionally(AsyncResults.unwrap(error));
                    }
                });
        return AsyncResults.relay(session.result, callbacks);
    }

    private static AtCommand request(String encoded, Duration timeout) {
        return AtCommand.simple("AT+CUSD=1,\"" + encoded + "\",15").withTimeout(timeout);
    }

    private static boolean refusesText(Throwable error) {
        return error instanceof ModemRejectedException rejected
                && (rejected.code().isEmpty() || rejected.code().getAsInt() == CME_UNKNOWN);
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

    /** The link went away: the session cannot complete, and the next modem may want the text form again. */
    void onDisconnected() {
        packedLearned.set(false);
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
