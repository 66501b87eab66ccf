package dev.callstack.testkit;

import dev.callstack.core.CallApi;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The fake modem's {@link CallApi} and the call's state: every operation succeeds at once (while the modem is
 * connected) and publishes the states it moves the call through; dialled numbers and DTMF strings are recorded.
 *
 * <p>Thread-safe; holds its lock while calling the {@link FakeNetwork}, never the other way round, and publishes
 * outside it.
 */
final class FakeCalls implements CallApi {
    private final FakeNetwork network;
    private final Clock clock;
    private final EventBus bus;

    private CallState callState = CallState.IDLE;
    private final List<PhoneNumber> dials = new ArrayList<>();
    private final List<String> dtmfSent = new ArrayList<>();

    FakeCalls(FakeNetwork network, Clock clock, EventBus bus) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public CompletableFuture<Void> dial(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        synchronized (this) {
            dials.add(number);
        }
        return drive(CallState.DIALING, CallState.ACTIVE);
    }

    @Override
    public CompletableFuture<Void> answer() {
        return drive(CallState.ACTIVE);
    }

    @Override
    public CompletableFuture<Void> hangUp() {
        return drive(CallState.ENDED, CallState.IDLE);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> DtmfReceived.isDtmf((char) c))) {
            return CompletableFuture.failedFuture(
                    new InvalidRequestException("Invalid DTMF digits: expected 0-9 * # A-D"));
        }
        synchronized (this) {
            dtmfSent.add(digits);
            CompletableFuture<Void> refused = network.refusal();
            if (refused != null) {
                return refused;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CallState state() {
        return callState;
    }

    synchronized List<PhoneNumber> dials() {
        return List.copyOf(dials);
    }

    synchronized List<String> dtmfSent() {
        return List.copyOf(dtmfSent);
    }

    /**
     * An incoming call rings: {@link CallStateChanged}({@code RINGING}) unless the call already rings, then
     * {@link CallRing} and {@link CallerId}({@code from}).
     */
    void ring(String from) {
        Objects.requireNonNull(from, "from");
        List<ModemEvent> events = new ArrayList<>(3);
        synchronized (this) {
            Instant now = clock.instant();
            if (callState != CallState.RINGING) {
                callState = CallState.RINGING;
                events.add(new CallStateChanged(now, CallState.RINGING));
            }
            events.add(new CallRing(now));
            events.add(new CallerId(now, from));
        }
        events.forEach(bus::publish);
    }

    /** Takes the state of a {@link CallStateChanged} someone else publishes. */
    synchronized void stateChanged(CallState state) {
        callState = Objects.requireNonNull(state, "state");
    }

    /** Moves the call through {@code states} and publishes a {@link CallStateChanged} for each. */
    void moveTo(CallState... states) {
        List<ModemEvent> events = new ArrayList<>(states.length);
        synchronized (this) {
            Instant now = clock.instant();
            for (CallState state : states) {
                callState = state;
                events.add(new CallStateChanged(now, state));
            }
        }
        events.forEach(bus::publish);
    }

    private CompletableFuture<Void> drive(CallState... states) {
        CompletableFuture<Void> refused = network.refusal();
        if (refused != null) {
            return refused;
        }
        moveTo(states);
        return CompletableFuture.completedFuture(null);
    }
}
