package dev.callstack.modem.internal.sms;

import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Callers of {@code Outbox.awaitFinal}, by message id, completed (on the callback executor) when their message is
 * sent or reaches a final state. A future that the caller abandons (its own timeout) stays until the message ends
 * or the outbox closes; {@link #forget} drops completed or cancelled ones.
 *
 * <p>Thread-safe.
 */
final class OutboxWaiters {
    private final Executor callbacks;
    private final Map<Long, List<CompletableFuture<OutboxEntry>>> waiting = new HashMap<>();

    OutboxWaiters(Executor callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    static boolean settled(OutboxStatus status) {
        return status.isFinal();
    }

    synchronized void add(long messageId, CompletableFuture<OutboxEntry> future) {
        waiting.computeIfAbsent(messageId, k -> new ArrayList<>()).add(future);
        var unused = future.whenComplete((entry, error) -> forget(messageId, future));
    }

    /** The message moved: its waiters complete when it is settled. */
    void changed(OutboxEntry entry) {
        if (!settled(entry.status())) {
            return;
        }
        List<CompletableFuture<OutboxEntry>> done;
        synchronized (this) {
            done = waiting.remove(entry.messageId());
        }
        if (done != null) {
            for (CompletableFuture<OutboxEntry> f : done) {
                callbacks.execute(() -> f.complete(entry));
            }
        }
    }

    /** Fails everyone still waiting (the outbox closes). */
    void failAll(RuntimeException why) {
        List<CompletableFuture<OutboxEntry>> all = new ArrayList<>();
        synchronized (this) {
            waiting.values().forEach(all::addAll);
            waiting.clear();
        }
        for (CompletableFuture<OutboxEntry> f : all) {
            callbacks.execute(() -> f.completeExceptionally(why));
        }
    }

    private synchronized void forget(long messageId, CompletableFuture<OutboxEntry> future) {
        List<CompletableFuture<OutboxEntry>> list = waiting.get(messageId);
        if (list != null) {
            list.removeIf(f -> f == future);
            if (list.isEmpty()) {
                waiting.remove(messageId);
            }
        }
    }
}
