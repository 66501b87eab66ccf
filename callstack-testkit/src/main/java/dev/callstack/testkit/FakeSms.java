package dev.callstack.testkit;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsApi;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsSent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The fake modem's {@link SmsApi}: sends follow the programmed {@link SendOutcome}s in FIFO order (unprogrammed sends
 * succeed with references 1, 2, 3... modulo 256), accepted ones go to the {@link FakeSmsStore}, which also answers
 * the read side.
 *
 * <p>Thread-safe; holds its lock while calling the {@link FakeNetwork} and the store, never the other way round.
 */
final class FakeSms implements SmsApi {
    private final FakeNetwork network;
    private final FakeSmsStore store;
    private final Clock clock;
    private final EventBus bus;

    private final ArrayDeque<SendOutcome> outcomes = new ArrayDeque<>();
    private final List<OutgoingSms> requests = new ArrayList<>();
    private int nextReference = 1;

    FakeSms(FakeNetwork network, FakeSmsStore store, Clock clock, EventBus bus) {
        this.network = Objects.requireNonNull(network, "network");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    synchronized void program(SendOutcome outcome) {
        outcomes.addLast(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Every well-formed send request, in call order, whatever its outcome. */
    synchronized List<OutgoingSms> requests() {
        return List.copyOf(requests);
    }

    @Override
    public CompletableFuture<SmsSendResult> send(OutgoingSms message) {
        return send(message, true);
    }

    /** As {@link #send(OutgoingSms)} without publishing {@link SmsSent}: the outbox publishes it with its own id. */
    CompletableFuture<SmsSendResult> sendQuietly(OutgoingSms message) {
        return send(message, false);
    }

    private CompletableFuture<SmsSendResult> send(OutgoingSms message, boolean publish) {
        Objects.requireNonNull(message, "sms");
        int parts = SmsParts.count(message.body(), message.encoding());
        if (parts > SmsParts.MAX_PARTS) {
            return CompletableFuture.failedFuture(new InvalidRequestException("SMS body too long"));
        }
        SmsSent event;
        SmsSendResult sent;
        synchronized (this) {
            requests.add(message);
            CompletableFuture<SmsSendResult> refused = network.refusal();
            if (refused != null) {
                return refused;
            }
            SendOutcome outcome = outcomes.pollFirst();
            if (outcome != null && outcome.kind() == SendOutcome.Kind.HANGS) {
                return network.hang();
            }
            if (outcome != null && outcome.kind() != SendOutcome.Kind.SUCCEEDS) {
                return CompletableFuture.failedFuture(outcome.failure());
            }
            List<Integer> references = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                if (outcome != null) {
                    references.add((outcome.reference() + part) % 256);
                } else {
                    references.add(nextReference);
                    nextReference = (nextReference + 1) % 256;
                }
            }
            sent = store.accept(message.to(), references);
            event = new SmsSent(clock.instant(), message.to().value(), references, parts, sent.messageId());
        }
        if (publish) {
            bus.publish(event);
        }
        return CompletableFuture.completedFuture(sent);
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        checkLimit(limit);
        Objects.requireNonNull(beforeId, "beforeId");
        return store.received(limit, beforeId);
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        checkLimit(limit);
        return store.deliveryReports(limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be in 1.." + MAX_PAGE);
        }
    }
}
