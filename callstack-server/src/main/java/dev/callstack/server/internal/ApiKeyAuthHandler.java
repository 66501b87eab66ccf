package dev.callstack.server.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Authenticates every request, {@code /ws} upgrades included, from its headers alone and before anything else sees
 * it: it sits in front of the body aggregator, so a refused request's body is never read (a bad key with a large
 * {@code Content-Length} is answered at once, and {@code Expect: 100-continue} gets the refusal instead of
 * {@code 100 Continue}). {@code Bearer} keys, per-key rate limit, and a per-address limit on failed attempts.
 * Rejections are answered here (400/401/403/429) and go no further, so a refused upgrade never reaches the WebSocket
 * handshake; the rest of a refused request is dropped, and a refused request that announced a body closes the
 * connection once the answer is written. With {@code --no-auth} (no keys) every request passes as
 * {@link Caller#NO_AUTH}.
 *
 * <p>Sharable and thread-safe: its state lives in the thread-safe limiters and in a channel attribute confined to
 * the channel's event loop.
 */
@ChannelHandler.Sharable
final class ApiKeyAuthHandler extends ChannelInboundHandlerAdapter {
    static final String WWW_AUTHENTICATE = "Bearer realm=\"callstack\"";
    static final String DUPLICATE_AUTH = "more than one Authorization header";
    /** Set while the rest of a refused request (its body) is dropped. */
    private static final AttributeKey<Boolean> DISCARDING = AttributeKey.valueOf("callstack.auth.discarding");

    private final ApiKeyRegistry keys;
    private final RateLimiter<ApiKey> keyLimiter;
    private final RateLimiter<InetAddress> failureLimiter;
    private final HttpResponder responder;
    private final ServerMetrics metrics;

    /** Either limiter may be null: that limit is off. An empty registry means {@code --no-auth}. */
    ApiKeyAuthHandler(ApiKeyRegistry keys, RateLimiter<ApiKey> keyLimiter, RateLimiter<InetAddress> failureLimiter,
                      HttpResponder responder, ServerMetrics metrics) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.keyLimiter = keyLimiter;
        this.failureLimiter = failureLimiter;
        this.responder = Objects.requireNonNull(responder, "responder");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(ctx, request);
        } else if (msg instanceof HttpContent content && Boolean.TRUE.equals(ctx.channel().attr(DISCARDING).get())) {
            if (content instanceof LastHttpContent) {
                ctx.channel().attr(DISCARDING).set(null);
            }
            content.release();
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        HttpReply refusal;
        try {
            refusal = authenticate(ctx, request);
        } catch (RuntimeException unexpected) {
            ReferenceCountUtil.release(request);
            throw unexpected;
        }
        if (refusal == null) {
            ctx.fireChannelRead(request);
            return;
        }
        if (!(request instanceof LastHttpContent)) {
            ctx.channel().attr(DISCARDING).set(Boolean.TRUE);
        }
        try {
            // Reading an announced body would be the very cost this check spares.
            responder.refuseOnHead(ctx, request, refusal);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    /** Null when the request may pass (the caller is then set on the channel), else the refusal. */
    private HttpReply authenticate(ChannelHandlerContext ctx, HttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return ErrorBody.reply(400, ErrorBody.BAD_REQUEST).closing();
        }
        List<String> authorization = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        if (authorization.size() > 1) {
            // Proxies and servers disagree on which of two wins; refuse rather than guess.
            metrics.recordAuthFailure(ServerMetrics.AUTH_MISSING);
            return ErrorBody.reply(400, DUPLICATE_AUTH).closing();
        }
        if (keys.isEmpty()) {
            ctx.channel().attr(ChannelAttributes.CALLER).set(Caller.NO_AUTH);
            return null;
        }
        InetAddress address = remoteAddress(ctx);
        long blocked = failureLimiter == null ? 0 : failureLimiter.blockedFor(address);
        if (blocked > 0) {
            metrics.recordAuthFailure(ServerMetrics.AUTH_BLOCKED);
            return ErrorBody.rateLimited(blocked);
        }
        byte[] token = bearerToken(authorization.isEmpty() ? null : authorization.get(0));
        if (token == null) {
            recordFailure(address, ServerMetrics.AUTH_MISSING);
            return ErrorBody.reply(401, ErrorBody.MISSING_AUTH)
                    .withHeader(HttpHeaderNames.WWW_AUTHENTICATE.toString(), WWW_AUTHENTICATE);
        }
        ApiKey key = keys.find(token);
        if (key == null) {
            recordFailure(address, ServerMetrics.AUTH_INVALID);
            return ErrorBody.reply(403, ErrorBody.INVALID_KEY);
        }
        if (keyLimiter != null) {
            long wait = keyLimiter.tryAcquire(key);
            if (wait > 0) {
                return ErrorBody.rateLimited(wait);
            }
        }
        ctx.channel().attr(ChannelAttributes.CALLER).set(key.caller());
        return null;
    }

    private void recordFailure(InetAddress address, String reason) {
        if (failureLimiter != null) {
            failureLimiter.consume(address);
        }
        metrics.recordAuthFailure(reason);
    }

    /**
     * The raw key bytes of a {@code Bearer} header (scheme case-insensitive), or null when absent or malformed.
     * Netty decodes header bytes one-to-one into chars, so ISO-8859-1 gives back exactly the bytes sent.
     */
    static byte[] bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String value = stripSpaces(header);
        int space = indexOfSpace(value);
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        String token = stripSpaces(value.substring(space + 1));
        if (token.isEmpty()) {
            return null;
        }
        return token.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static InetAddress remoteAddress(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return AddressBucket.of(inet.getAddress()); // one budget per host, not per address it can pick
        }
        return InetAddress.getLoopbackAddress();
    }
}
