package dev.callstack.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.Objects;

/**
 * Refuses a request from its head alone, before its body is read and before authentication, routing or the
 * WebSocket handshake see it: headers over the codec's limit (431), then the {@link CrossSitePolicy} (421 unknown
 * host, 403 origin not allowed, 415 not JSON). A refused request's body never goes further: when one was declared
 * the connection is closed after the answer through a {@link LingeringClose}; otherwise it stays open (a refused
 * {@code /ws} upgrade is closed by the responder). Every refusal is counted by reason.
 *
 * <p>Not thread-safe; one per channel, confined to its event loop.
 */
final class RequestHeaderGate extends ChannelInboundHandlerAdapter {
    static final String HEADERS_TOO_LARGE = "request headers too large";
    static final String REASON_HEADERS_TOO_LARGE = "headers_too_large";

    private final CrossSitePolicy policy;
    private final HttpResponder responder;
    private final ServerMetrics metrics;
    /** The body of a refused request is still arriving: drop it up to its last content. */
    private boolean discarding;

    RequestHeaderGate(CrossSitePolicy policy, HttpResponder responder, ServerMetrics metrics) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            discarding = false;
            refuseOrPass(ctx, request);
        } else if (discarding && msg instanceof HttpContent content) {
            discarding = !(content instanceof LastHttpContent);
            ReferenceCountUtil.release(content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void refuseOrPass(ChannelHandlerContext ctx, HttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            if (request.decoderResult().cause() instanceof TooLongHttpHeaderException) {
                metrics.recordRefusal(REASON_HEADERS_TOO_LARGE);
                // The codec drops whatever follows a malformed head; the connection cannot go on.
                refuse(ctx, request, ErrorBody.reply(431, HEADERS_TOO_LARGE).closing());
            } else {
                ctx.fireChannelRead(request); // authentication answers other malformed requests with 400
            }
            return;
        }
        CrossSitePolicy.Refusal refusal = policy.check(request.method(), request.headers(),
                ctx.pipeline().get(SslHandler.class) != null);
        if (refusal == null) {
            ctx.fireChannelRead(request);
            return;
        }
        metrics.recordRefusal(refusal.reason());
        refuse(ctx, request, refusal.reply());
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request, HttpReply reply) {
        // Whatever content of this request follows (if only the empty last content) goes no further.
        discarding = !(request instanceof LastHttpContent);
        try {
            // A declared body (or one awaiting a 100 Continue that never comes) is not read.
            responder.refuseOnHead(ctx, request, reply);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }
}
