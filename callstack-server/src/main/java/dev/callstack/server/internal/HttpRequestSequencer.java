package dev.callstack.server.internal;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Keeps pipelined HTTP/1.1 requests in order: one request at a time goes on up the pipeline, and whatever arrives
 * behind it waits here until its response has been written. Pausing reads alone is not enough, because the codec
 * decodes every request already in a read buffer. Reading is paused while a whole request waits for its answer or
 * anything is queued, so the queue holds at most one read's worth; the codec also caps unanswered requests per
 * connection (its {@code maxPipelineDepth}, 128) and fails the connection past it. After a response that closes the
 * connection, queued and later requests are dropped; after a {@code 101} everything passes straight through. Queued
 * messages are released when the connection closes.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class HttpRequestSequencer extends ChannelDuplexHandler {
    private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
    /** A request went up and its final response has not been written yet. */
    private boolean awaitingResponse;
    /** That request's last content has not gone up yet (the aggregator still needs to read its body). */
    private boolean readingBody;
    /** A final response head went out and its last content has not. */
    private boolean responding;
    private boolean closing;
    private boolean upgraded;
    private boolean draining;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded || !(msg instanceof HttpObject http)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!queued.isEmpty() || (http instanceof HttpRequest && awaitingResponse)) {
            queued.add(http);
        } else {
            forward(ctx, http);
        }
        updateReading(ctx);
    }

    private void forward(ChannelHandlerContext ctx, HttpObject http) {
        if (http instanceof HttpRequest) {
            awaitingResponse = true;
            readingBody = true;
        }
        if (http instanceof LastHttpContent) {
            readingBody = false;
        }
        ctx.fireChannelRead(http);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (upgraded) {
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                upgraded = true;
                releaseQueued();
                updateReading(ctx);
            } else if (response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                responding = true;
                if (!HttpUtil.isKeepAlive(response)) {
                    closing = true;
                    releaseQueued();
                }
            }
        }
        if (responding && msg instanceof LastHttpContent) {
            responding = false;
            ChannelPromise written = promise.unvoid();
            written.addListener((ChannelFutureListener) future -> responseWritten(ctx, future));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    private void responseWritten(ChannelHandlerContext ctx, ChannelFuture future) {
        awaitingResponse = false;
        if (!future.isSuccess()) {
            return; // the connection is failing; closing it releases the queue
        }
        drain(ctx);
    }

    private void drain(ChannelHandlerContext ctx) {
        // A response may be written (and this called again) from inside a forwarded request: the outer loop goes on.
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!queued.isEmpty() && !closing && !upgraded && ctx.channel().isActive()) {
                if (queued.peek() instanceof HttpRequest && awaitingResponse) {
                    break;
                }
                forward(ctx, queued.poll());
            }
        } finally {
            draining = false;
        }
        updateReading(ctx);
    }

    private void updateReading(ChannelHandlerContext ctx) {
        boolean read = upgraded || (queued.isEmpty() && (!awaitingResponse || readingBody));
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead() != read) {
            config.setAutoRead(read);
        }
    }

    private void releaseQueued() {
        for (HttpObject http = queued.poll(); http != null; http = queued.poll()) {
            ReferenceCountUtil.release(http);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseQueued();
    }
}
