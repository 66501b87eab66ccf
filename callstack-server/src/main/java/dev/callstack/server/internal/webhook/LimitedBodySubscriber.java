package dev.callstack.server.internal.webhook;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit and throws it away: a receiver that answers with megabytes (or never stops)
 * costs at most {@code limit} bytes and then the connection. The content is never kept: it is not ours to log.
 *
 * <p>Used by one response at a time, as the HTTP client's contract says.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final long limit;
    private Flow.Subscription subscription;
    private long read;

    LimitedBodySubscriber(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            read += buffer.remaining();
        }
        if (read >= limit) {
            subscription.cancel(); // the client closes the connection; the status is all we wanted
            done.complete(null);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        done.complete(null); // the status line already arrived; a broken body does not change the verdict
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }
}
