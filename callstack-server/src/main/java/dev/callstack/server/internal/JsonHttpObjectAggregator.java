package dev.callstack.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.Objects;

/**
 * Netty's aggregator with our error bodies: the stock one answers an oversized body (413) or an unsupported
 * {@code Expect} (417) with an empty response; this one answers with the JSON error body and records the metric. After
 * a 413 the connection is not kept alive (that would mean reading any oversized body to its end): a 413 that answers
 * {@code Expect: 100-continue} closes at once (no body was sent); one sent while the body arrives closes through a
 * {@link LingeringClose}, which drops at most a bounded rest of the body so that the client can still read the 413.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class JsonHttpObjectAggregator extends HttpObjectAggregator {
    private final ServerMetrics metrics;

    JsonHttpObjectAggregator(int maxContentLength, ServerMetrics metrics) {
        super(maxContentLength);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse stock) {
            int status = stock.status().code();
            if (status == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
                ReferenceCountUtil.release(stock);
                return tooLarge(start);
            }
            if (status == HttpResponseStatus.EXPECTATION_FAILED.code()) {
                ReferenceCountUtil.release(stock);
                return refusal(start, ErrorBody.reply(status, ErrorBody.EXPECTATION_FAILED));
            }
        }
        return response;
    }

    @Override
    protected boolean closeAfterContinueResponse(Object msg) {
        return (msg instanceof FullHttpResponse response
                && response.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code())
                || super.closeAfterContinueResponse(msg);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest) {
            // The rest of the body is usually still on its way: closing now would reset the connection under the 413.
            LingeringClose.after(ctx.writeAndFlush(tooLarge(oversized)));
        } else {
            ctx.close();
        }
    }

    private FullHttpResponse tooLarge(HttpMessage request) {
        FullHttpResponse response = refusal(request, ErrorBody.reply(413, ErrorBody.TOO_LARGE));
        HttpUtil.setKeepAlive(response, false);
        return response;
    }

    private FullHttpResponse refusal(HttpMessage request, HttpReply reply) {
        String uri = request instanceof HttpRequest r ? r.uri() : "";
        metrics.recordHttp(RoutePaths.label(uri), reply.status());
        if (request instanceof HttpRequest r) {
            // Refused before authentication, so no caller yet.
            AuditLog.record(r.method(), RoutePaths.label(uri), null, reply.status(), reply.messageId());
        }
        return HttpResponder.toResponse(reply);
    }
}
