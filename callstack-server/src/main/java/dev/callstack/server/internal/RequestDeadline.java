package dev.callstack.server.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request's head and body must arrive within the request timeout, counted from its first byte; otherwise the
 * client gets 408 and the connection is closed. This is what stops a slowloris client, which sends a byte every few
 * seconds and so never looks idle. Sits behind the {@link HttpRequestSequencer}, so a pipelined request's clock
 * starts when it is its turn; bytes that arrive while the server owes the previous request its answer do not start
 * it (the server is not waiting for them). It sees every read, decoded or not, through {@code channelReadComplete}.
 * After a {@code 101} it leaves the pipeline: WebSocket traffic has its own idle rules.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    static final String TIMED_OUT = "request timed out";
    static final String REASON = "request_timeout";

    private final long timeoutNanos;
    private final HttpResponder responder;
    private final ServerMetrics metrics;
    private ScheduledFuture<?> timer;
    /** The head of the request now arriving, or null before it is complete. */
    private HttpRequest head;
    /** A complete request waits for its answer. */
    private boolean answerOwed;
    /** The answer to the request now arriving went out early (a refusal from its head). */
    private boolean answered;
    /** A final response head went out and its last content has not. */
    private boolean responding;
    /** This read completed a request: it may or may not also hold the start of the next one. */
    private boolean completedInThisRead;

    RequestDeadline(Duration timeout, HttpResponder responder, ServerMetrics metrics) {
        this.timeoutNanos = Objects.requireNonNull(timeout, "timeout").toNanos();
        this.responder = Objects.requireNonNull(responder, "responder");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            head = request;
            answered = false;
            arm(ctx);
        }
        if (msg instanceof LastHttpContent) {
            disarm();
            head = null;
            answerOwed = !answered;
            completedInThisRead = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Bytes arrived that completed nothing: a request has begun (the codec holds its first bytes).
        if (!completedInThisRead && !answerOwed) {
            arm(ctx);
        }
        completedInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            if (response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                disarm();
                ctx.pipeline().remove(this);
            } else if (response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                answered = head != null;
                responding = true;
            }
        }
        if (responding && msg instanceof LastHttpContent) {
            responding = false;
            answerOwed = false;
        }
        var unused = ctx.write(msg, promise);
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (answerOwed) {
            return; // the server's turn, not the client's: the clock starts again with the next request
        }
        metrics.recordRefusal(REASON);
        boolean outputOpen = !(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isOutputShutdown();
        if (answered || responding || !outputOpen) {
            var unused = ctx.close(); // an answer is already out (or going out): the straggling client only gets closed
            return;
        }
        // Before the head is complete there is no request yet: answer as to an unknown path.
        HttpRequest request = head != null ? head
                : new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, RoutePaths.UNMATCHED);
        var unused = responder.send(ctx, request, ErrorBody.reply(408, TIMED_OUT).closing());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }
}
