package dev.callstack.testkit;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.UssdApi;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.UssdResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The fake modem's {@link UssdApi}: requests follow the programmed {@link UssdOutcome}s in FIFO order; unprogrammed
 * ones get {@code "OK"} (status 0, data coding scheme {@value FakeModem#USSD_DCS}). A reply is published too.
 *
 * <p>Thread-safe; holds its lock while calling the {@link FakeNetwork}, never the other way round.
 */
final class FakeUssd implements UssdApi {
    private final FakeNetwork network;
    private final Clock clock;
    private final EventBus bus;

    private final ArrayDeque<UssdOutcome> outcomes = new ArrayDeque<>();
    private final List<String> codes = new ArrayList<>();

    FakeUssd(FakeNetwork network, Clock clock, EventBus bus) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    synchronized void program(UssdOutcome outcome) {
        outcomes.addLast(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Every well-formed request's code, in call order, whatever its outcome. */
    synchronized List<String> codes() {
        return List.copyOf(codes);
    }

    @Override
    public CompletableFuture<UssdResponse> send(UssdCode code, Duration timeout) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("USSD timeout must be positive"));
        }
        UssdResponse reply;
        synchronized (this) {
            codes.add(code.value());
            CompletableFuture<UssdResponse> refused = network.refusal();
            if (refused != null) {
                return refused;
            }
            UssdOutcome outcome = outcomes.pollFirst();
            if (outcome == null) {
                reply = new UssdResponse(clock.instant(), 0, "OK", FakeModem.USSD_DCS);
            } else {
                switch (outcome.kind()) {
                    case HANGS -> {
                        return network.hang();
                    }
                    case REPLY -> reply = new UssdResponse(clock.instant(), outcome.status(), outcome.message(),
                            outcome.dcs());
                    default -> {
                        return CompletableFuture.failedFuture(outcome.failure());
                    }
                }
            }
        }
        bus.publish(reply);
        return CompletableFuture.completedFuture(reply);
    }
}
