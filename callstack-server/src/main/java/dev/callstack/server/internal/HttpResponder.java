package dev.callstack.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP responses are written: headers, keep-alive, connection close after refused upgrades, the
 * request metric and the {@link AuditLog} line.
 *
 * <p>Thread-safe (stateless apart from the thread-safe metrics).
 */
final class HttpResponder {
    private static final Logger log = LoggerFactory.getLogger(HttpResponder.class);
    private static final Set<HttpMethod> STANDARD_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS, HttpMethod.TRACE,
            HttpMethod.CONNECT);
    private final ServerMetrics metrics;

    HttpResponder(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    ChannelFuture send(ChannelHandlerContext ctx, HttpRequest request, HttpReply reply) {
        return send(ctx, request, reply, true);
    }

    /**
     * Writes {@code reply}; a response that does not keep the connection alive closes it once written, unless
     * {@code closeWhenWritten} is false because the caller ends the connection itself (a {@link LingeringClose}).
     */
    ChannelFuture send(ChannelHandlerContext ctx, HttpRequest request, HttpReply reply, boolean closeWhenWritten) {
        FullHttpResponse response = toResponse(reply);
        // A refused upgrade must not leave a half-negotiated connection behind.
        boolean keepAlive = !reply.close() && HttpUtil.isKeepAlive(request)
                && !request.headers().contains(HttpHeaderNames.UPGRADE);
        HttpUtil.setKeepAlive(response, keepAlive);
        String route = RoutePaths.label(request.uri());
        metrics.recordHttp(route, reply.status());
        // A request's caller ends with its reply; taken before the write, which may let the next request in.
        AuditLog.record(request.method(), route, ctx.channel().attr(ChannelAttributes.CALLER).getAndSet(null),
                reply.status(), reply.messageId());
        // The route label, never the raw URI: a query string may carry a number. Likewise the method, which is any
        // token the caller chose, is only named when it is a standard one.
        log.debug("{} {} -> {} on {}", methodLabel(request.method()), route, reply.status(),
                ctx.channel().id().asShortText());
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive && closeWhenWritten) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }

    /**
     * Refuses a request on its head alone. When a body was announced (a length, chunked, or {@code Expect:
     * 100-continue}), the answer ends the connection through a {@link LingeringClose}: the body is never read, and
     * the client still gets the answer instead of a reset. Otherwise the connection stays usable. The caller drops
     * whatever content of the request still arrives.
     */
    void refuseOnHead(ChannelHandlerContext ctx, HttpRequest request, HttpReply reply) {
        if (!(request instanceof LastHttpContent) && announcesBody(request)) {
            LingeringClose.after(send(ctx, request, reply.closing(), false));
        } else {
            var unused = send(ctx, request, reply); // closes after writing when the reply or request says so
        }
    }

    private static boolean announcesBody(HttpRequest request) {
        return HttpUtil.is100ContinueExpected(request) || HttpUtil.isTransferEncodingChunked(request)
                || HttpUtil.getContentLength(request, 0L) > 0;
    }

    private static String methodLabel(HttpMethod method) {
        return STANDARD_METHODS.contains(method) ? method.name() : "OTHER";
    }

    static FullHttpResponse toResponse(HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        for (Map.Entry<String, String> header : reply.headers()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        return response;
    }
}
