package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Authenticates every request, {@code /ws} upgrades included, before anything else sees it: {@code Bearer} keys,
 * per-key rate limit, and a per-address limit on failed attempts. Rejections are answered here (401/403/429) and go
 * no further, so a refused upgrade never reaches the WebSocket handshake.
 *
 * <p>Sharable and thread-safe: its state lives in the thread-safe limiters.
 */
@ChannelHandler.Sharable
final class ApiKeyAuthHandler extends ChannelInboundHandlerAdapter {
    static final String WWW_AUTHENTICATE = "Bearer realm=\"callstack\"";

    private final ApiKeyRegistry keys;
    private final RateLimiter<ApiKey> keyLimiter;
    private final RateLimiter<InetAddress> failureLimiter;
    private final HttpResponder responder;
    private final ServerMetrics metrics;

    /** Either limiter may be null: that limit is off. */
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
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpReply refusal;
        try {
            refusal = authenticate(ctx, request);
        } catch (RuntimeException unexpected) {
            request.release();
            throw unexpected;
        }
        if (refusal == null) {
            ctx.fireChannelRead(request);
            return;
        }
        try {
            responder.send(ctx, request, refusal);
        } finally {
            request.release();
        }
    }

    /** Null when the request may pass (the caller is then set on the channel), else the refusal. */
    private HttpReply authenticate(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return ErrorBody.reply(400, ErrorBody.BAD_REQUEST).closing();
        }
        if (keys.isEmpty()) {
            ctx.channel().attr(ChannelAttributes.CALLER).set(Caller.LOCAL);
            return null;
        }
        InetAddress address = remoteAddress(ctx);
        long blocked = failureLimiter == null ? 0 : failureLimiter.blockedFor(address);
        if (blocked > 0) {
            metrics.recordAuthFailure(ServerMetrics.AUTH_BLOCKED);
            return ErrorBody.rateLimited(blocked);
        }
        byte[] token = bearerToken(request.headers().get(HttpHeaderNames.AUTHORIZATION));
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
        ctx.channel().attr(ChannelAttributes.CALLER).set(new Caller(key.id(), key.has(Privilege.CONTENT)));
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
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
