package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.modem.pdu.SubmitPdu;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS send thread: one message at a time, each after this connection's SMS init ran ({@link InitGate}), in a
 * bounded queue. Callers' futures complete on the callback executor, never on the send thread.
 *
 * <p>Thread-safe: sends may be queued from any thread; they run on the send thread.
 */
final class SendQueue {
    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private final ThreadPoolExecutor outbound;
    private final SmsSender sender;
    private final InitGate gate;
    private final Executor callbacks;

    /**
     * @param outbound  the single thread and bounded queue sends run on (and that this queue shuts down)
     * @param callbacks where callers' futures are completed
     */
    SendQueue(ThreadPoolExecutor outbound, SmsSender sender, InitGate gate, Executor callbacks) {
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    /**
     * Queues one message, already encoded; {@code result} completes once it was sent or failed.
     *
     * @throws RejectedExecutionException when the queue is full or shut down
     */
    void submit(OutgoingSms sms, List<SubmitPdu> pdus, CompletableFuture<SmsSendResult> result) {
        outbound.execute(new SendTask(sms, pdus, result));
    }

    /** Stops taking sends; those queued still run. */
    void shutdown() {
        outbound.shutdown();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return outbound.awaitTermination(timeout, unit);
    }

    /** Stops the send thread; sends that never ran fail with "modem closed". */
    void shutdownNow() {
        abandon(outbound.shutdownNow());
    }

    /** Sends that close took off the queue before they ran: their callers get an answer, not a future left hanging. */
    private static void abandon(List<Runnable> neverRun) {
        for (Runnable task : neverRun) {
            if (task instanceof SendTask send) {
                send.abandon();
            }
        }
    }

    /** One queued send and the caller's future. */
    private final class SendTask implements Runnable {
        private final OutgoingSms sms;
        private final List<SubmitPdu> pdus;
        private final CompletableFuture<SmsSendResult> result;

        SendTask(OutgoingSms sms, List<SubmitPdu> pdus, CompletableFuture<SmsSendResult> result) {
            this.sms = sms;
            this.pdus = pdus;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                gate.await();
                SmsSendResult sent = sender.send(sms, pdus);
                callbacks.execute(() -> result.complete(sent));
            } catch (CallstackException e) {
                callbacks.execute(() -> result.completeExceptionally(e));
            } catch (RuntimeException e) {
                log.error("SMS send failed unexpectedly: {}", e.getClass().getName());
                callbacks.execute(() -> result.completeExceptionally(
                        new ModemUnavailableException("SMS send failed", e)));
            }
        }

        void abandon() {
            callbacks.execute(() -> result.completeExceptionally(new ModemUnavailableException("modem closed")));
        }
    }
}
