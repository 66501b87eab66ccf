package dev.callstack.modem.internal.at;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One queued or in-flight command, its caller's future, and what has been read of its answer so far.
 *
 * <p>Not thread-safe; confined to the engine thread.
 */
final class PendingCommand {
    final AtCommand command;
    final CompletableFuture<AtResponse> future;
    final List<String> lines = new ArrayList<>();
    int answers;
    boolean expectPdu;
    boolean awaitingPrompt;
    /** The probe that runs after a timeout, not a caller's command (see {@link ResponseMatcher}). */
    boolean resync;
    ScheduledFuture<?> timer;

    PendingCommand(AtCommand command, CompletableFuture<AtResponse> future) {
        this.command = command;
        this.future = future;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
