package dev.callstack.modem.internal;

import dev.callstack.core.CallApi;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Redaction;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.audio.DtmfMerger;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice calls: {@code ATD<n>;}, {@code ATA}, {@code ATH} (falling back to {@code AT+CHUP}), {@code AT+VTS} per
 * digit, and the call state machine fed by command results and URCs: IDLE → DIALING (dial accepted) or RINGING
 * (RING/+CLIP) → ACTIVE (answered, VOICE CALL: BEGIN, MO CONNECTED) → ENDED → IDLE (hang-up, NO CARRIER, BUSY, NO
 * ANSWER, VOICE CALL: END, disconnect). Each change is published once as {@link CallStateChanged}; the caller's
 * {@link CallerId} once per call, however often the modem repeats {@code +CLIP}.
 *
 * <p>Many modems (SIM800, Quectel) send no URC when the remote party answers an outgoing call, and a lost
 * {@code NO CARRIER} would leave the state stuck so that no call could be dialled again. So while a call exists and
 * the profile says so ({@link ModemProfile#pollCalls()}), {@code AT+CLCC} is polled every {@code pollInterval}: the
 * listed calls drive the state ({@link CallListParser}); an empty list ends the call. Huawei ({@code ^CONN},
 * {@code ^CEND}) and SIMCom ({@code VOICE CALL: BEGIN/END}) URCs drive it too.
 *
 * <p>A second caller during an active call (call waiting: {@code +CCWA}, SIMCom also repeats {@code RING} and
 * {@code +CLIP}) is not our call: it publishes no {@link CallerId} and moves no state. When it gives up, some modems
 * send a bare {@code NO CARRIER} that names no call; {@link EndConfirmation} says when such a line must first be
 * checked with {@code AT+CLCC} (our call still listed active or held: it goes on; otherwise it is over).
 *
 * <p>Thread-safe; transitions are serialised on this object's monitor so events keep their order.
 */
final class CallControl implements CallApi {
    private static final Logger log = LoggerFactory.getLogger(CallControl.class);
    private static final int MAX_DTMF = CallApi.MAX_DTMF_DIGITS;

    private final AtChannel at;
    private final EventBus events;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Executor callbacks;
    private final ScheduledExecutorService scheduler;
    private final ActiveProfile profile;
    private final Duration pollInterval;
    private final DtmfMerger dtmf;
    private CallState state = CallState.IDLE;
    private ScheduledFuture<?> poll;
    // Modems repeat +CLIP with every RING; subscribers want one CallerId per call.
    private boolean callerIdPublished;
    private final EndConfirmation endCheck = new EndConfirmation();

    CallControl(AtChannel at, EventBus events, Clock clock, BooleanSupplier ready, Executor callbacks,
                ScheduledExecutorService scheduler, ActiveProfile profile, Duration pollInterval, DtmfMerger dtmf) {
        this.dtmf = Objects.requireNonNull(dtmf, "dtmf");
        this.at = Objects.requireNonNull(at, "at");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    @Override
    public synchronized CallState state() {
        return state;
    }

    @Override
    public CompletableFuture<Void> dial(PhoneNumber number) {
        if (number == null) {
            return failed(new InvalidRequestException("a phone number is required"));
        }
        if (!ready.getAsBoolean()) {
            return failed(new ModemUnavailableException("modem not connected"));
        }
        if (state() != CallState.IDLE) {
            return failed(new ModemRejectedException("a call is already in progress"));
        }
        log.info("Dialling {}", Redaction.phone(number.value()));
        CompletableFuture<Void> result = at.execute(AtCommand.dial("ATD" + number.value() + ";"))
                .thenApply(response -> {
                    transition(CallState.IDLE, CallState.DIALING);
                    return null;
                });
        return AsyncResults.relay(result, callbacks);
    }

    @Override
    public CompletableFuture<Void> answer() {
        if (!ready.getAsBoolean()) {
            return failed(new ModemUnavailableException("modem not connected"));
        }
        CompletableFuture<Void> result = at.execute(AtCommand.dial("ATA")).handle((response, error) -> {
            if (error == null) {
                transition(CallState.RINGING, CallState.ACTIVE);
                return null;
            }
            Throwable cause = AsyncResults.unwrap(error);
            if (cause instanceof ModemRejectedException) {
                // NO CARRIER to ATA: the caller gave up before we answered.
                end(CallState.RINGING);
            }
            throw new CompletionException(cause);
        });
        return AsyncResults.relay(result, callbacks);
    }

    @Override
    public CompletableFuture<Void> hangUp() {
        if (!ready.getAsBoolean()) {
            return failed(new ModemUnavailableException("modem not connected"));
        }
        CompletableFuture<Void> result = at.execute(AtCommand.simple("ATH"))
                .exceptionallyCompose(error -> AsyncResults.unwrap(error) instanceof ModemRejectedException
                        ? at.execute(AtCommand.simple("AT+CHUP"))
                        : CompletableFuture.failedFuture(AsyncResults.unwrap(error)))
                .thenApply(response -> {
                    endAny();
                    return null;
                });
        return AsyncResults.relay(result, callbacks);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DTMF) {
            return failed(new InvalidRequestException("DTMF needs 1 to " + MAX_DTMF + " digits"));
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!DtmfReceived.isDtmf(digits.charAt(i))) {
                return failed(new InvalidRequestException("DTMF digits must be 0-9 * # A-D"));
            }
        }
        if (!ready.getAsBoolean()) {
            return failed(new ModemUnavailableException("modem not connected"));
        }
        CompletableFuture<AtResponse> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < digits.length(); i++) {
            String command = "AT+VTS=" + digits.charAt(i);
            chain = chain.thenCompose(previous -> at.execute(AtCommand.simple(command)));
        }
        return AsyncResults.relay(chain.thenApply(response -> (Void) null), callbacks);
    }

    // URC side: called on the engine thread.

    void onRing() {
        events.publish(new CallRing(clock.instant()));
        synchronized (this) {
            if (state == CallState.ACTIVE) {
                endCheck.onWaiting();
            }
        }
        transition(CallState.IDLE, CallState.RINGING);
    }

    void onCallerId(String number) {
        synchronized (this) {
            if (state == CallState.ACTIVE) {
                // A +CLIP during a call is a waiting caller's, not our caller's.
                endCheck.onWaiting();
                return;
            }
            if (callerIdPublished) {
                return;
            }
            callerIdPublished = true;
            events.publish(new CallerId(clock.instant(), number));
            transition(CallState.IDLE, CallState.RINGING);
        }
    }

    void onConnected() {
        synchronized (this) {
            if (state == CallState.DIALING || state == CallState.RINGING) {
                set(CallState.ACTIVE);
            }
        }
    }

    /** {@code +CCWA}: a second caller waits; our call goes on. */
    synchronized void onCallWaiting() {
        if (state != CallState.IDLE) {
            endCheck.onWaiting();
        }
    }

    /** A call-ended URC; {@code cause} is the line's kind ({@code "NO CARRIER"}, {@code "VOICE CALL: END"}...). */
    void onEnded(String cause) {
        synchronized (this) {
            if (!endCheck.needsCheck(cause, state, profile.get().pollCalls())) {
                endAny();
                return;
            }
        }
        log.debug("{} during an active call: asking AT+CLCC whether it was ours", cause);
        // Queued behind whatever command is in flight; the answer comes back on a callback, so nothing waits here.
        var unused = at.execute(AtCommand.list("AT+CLCC", "+CLCC:")).whenComplete((response, error) -> {
            if (error == null && CallListParser.connected(response.lines())) {
                log.debug("Our call is still listed: the {} was a waiting caller's", cause);
            } else {
                if (error != null) {
                    log.debug("AT+CLCC after {} failed: {}", cause,
                            AsyncResults.unwrap(error).getClass().getSimpleName());
                }
                end(CallState.ACTIVE);
            }
        });
    }

    /** Only an unanswered incoming call can be missed; a missed waiting call leaves the current one alone. */
    void onMissed() {
        end(CallState.RINGING);
    }

    /** Merged with in-band detection, which publishes {@link DtmfReceived} once per press. */
    void onDtmf(char digit) {
        dtmf.onUrcDigit(digit);
    }

    /** The modem went away: whatever call there was is over. */
    void onDisconnected() {
        endAny();
    }

    private synchronized void transition(CallState from, CallState to) {
        if (state == from) {
            set(to);
        }
    }

    private synchronized void end(CallState from) {
        if (state == from) {
            set(CallState.ENDED);
            set(CallState.IDLE);
        }
    }

    private synchronized void endAny() {
        if (state != CallState.IDLE) {
            set(CallState.ENDED);
            set(CallState.IDLE);
        }
    }

    private void set(CallState next) {
        state = next;
        if (next == CallState.IDLE) {
            callerIdPublished = false;
            endCheck.reset();
            stopPolling();
        } else {
            startPolling();
        }
        log.debug("Call state {}", next);
        events.publish(new CallStateChanged(clock.instant(), next));
    }

    // ---- +CLCC polling, while a call exists ----

    private void startPolling() {
        if (poll != null || !profile.get().pollCalls()) {
            return;
        }
        long nanos = pollInterval.toNanos();
        try {
            poll = scheduler.scheduleWithFixedDelay(this::pollOnce, nanos, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Call polling not started: engine closed");
        }
    }

    private void stopPolling() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }

    private void pollOnce() {
        if (state() == CallState.IDLE) {
            return;
        }
        var unused = at.execute(AtCommand.list("AT+CLCC", "+CLCC:")).whenComplete((response, error) -> {
            if (error == null) {
                onCallList(CallListParser.state(response.lines()));
            } else {
                log.debug("AT+CLCC poll failed: {}", AsyncResults.unwrap(error).getClass().getSimpleName());
            }
        });
    }

    /** What the modem lists is the truth: it moves a call on, and ends one the URCs never ended. */
    private synchronized void onCallList(CallState listed) {
        if (listed == null || listed == state || state == CallState.IDLE) {
            return;
        }
        if (listed == CallState.IDLE) {
            log.debug("Call list is empty: the call is over");
            endAny();
        } else if (listed == CallState.ACTIVE) {
            set(CallState.ACTIVE);
        }
    }

    private static CompletableFuture<Void> failed(Throwable error) {
        return CompletableFuture.failedFuture(error);
    }
}
