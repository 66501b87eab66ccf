package dev.callstack.modem.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Re-completes engine futures on another executor, so a caller's dependent stages never run on (or block) the
 * modem's engine thread.
 */
final class AsyncResults {
    private AsyncResults() {
    }

    static <T> CompletableFuture<T> relay(CompletableFuture<T> source, Executor executor) {
        CompletableFuture<T> out = new CompletableFuture<>();
        var unused = source.whenCompleteAsync((value, error) -> {
            if (error != null) {
                out.completeExceptionally(unwrap(error));
            } else {
                out.complete(value);
            }
        }, executor);
        return out;
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
