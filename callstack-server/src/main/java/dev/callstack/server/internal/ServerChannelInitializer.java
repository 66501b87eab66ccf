package dev.callstack.server.internal;

import dev.callstack.realtime.RealtimeHub;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One connection's path, top to bottom: cap connections → track → [TLS] → idle → HTTP codec (431 past 8 KiB of
 * headers) → one request at a time → request deadline (408) → host, origin and content type from the head
 * (421/403/415) → authenticate (headers only) → aggregate (JSON 413) → route → [permessage-deflate] → WebSocket
 * handshake and frames → realtime.
 *
 * <p>Thread-safe: shared handlers are sharable, the others are created per channel.
 */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String AUTH = "auth";
    static final String ROUTER = "router";
    static final String SEQUENCE = "sequence";
    /** Request headers past this many bytes get 431. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final ServerSettings settings;
    private final ConnectionLimit limit;
    private final ConnectionTracker tracker;
    private final ApiKeyAuthHandler auth;
    private final HttpRouter router;
    private final ServerMetrics metrics;
    private final RealtimeHub hub;
    private final CrossSitePolicy crossSite;
    private final HttpResponder responder;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final ReloadingTlsContext tls;
    private final Executor journalReads;
    /** The realtime write task of each event loop, shared by every connection on it. */
    private final LoopWriters writers;

    ServerChannelInitializer(ServerSettings settings, ConnectionLimit limit, ConnectionTracker tracker,
                             CrossSitePolicy crossSite, HttpResponder responder, ApiKeyAuthHandler auth,
                             HttpRouter router, ServerMetrics metrics, RealtimeHub hub, ReloadingTlsContext tls,
                             Executor journalReads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.crossSite = Objects.requireNonNull(crossSite, "crossSite");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.router = Objects.requireNonNull(router, "router");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.tls = tls; // null: plain HTTP
        this.journalReads = Objects.requireNonNull(journalReads, "journalReads");
        this.writers = new LoopWriters(settings.wsFlushInterval());
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(RoutePaths.WS)
                .checkStartsWith(true)
                .maxFramePayloadLength(settings.wsMaxFrameBytes())
                .allowExtensions(settings.permessageDeflate())
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .closeOnProtocolViolation(true)
                .handshakeTimeoutMillis(10_000)
                .forceCloseTimeoutMillis(5_000)
                .build();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast("limit", limit);
        pipeline.addLast("track", tracker);
        if (tls != null) {
            pipeline.addLast("tls-guard", new TlsPortGuard(tls.current(), metrics));
        }
        pipeline.addLast("idle", new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_BYTES)));
        pipeline.addLast(SEQUENCE, new HttpRequestSequencer());
        pipeline.addLast("deadline", new RequestDeadline(settings.requestTimeout(), responder, metrics));
        pipeline.addLast("cross-site", new RequestHeaderGate(crossSite, responder, metrics));
        pipeline.addLast(AUTH, auth); // on the headers alone: a refused request's body is never read
        pipeline.addLast("aggregate", new JsonHttpObjectAggregator(settings.maxBodyBytes(), metrics));
        pipeline.addLast(ROUTER, router);
        if (settings.permessageDeflate()) {
            pipeline.addLast("ws-deflate", new WebSocketServerCompressionHandler(settings.wsMaxFrameBytes()));
        }
        pipeline.addLast("ws", new WebSocketServerProtocolHandler(webSocketConfig));
        pipeline.addLast("realtime", new RealtimeFrameHandler(hub, settings.wsMaxFrameBytes(), journalReads,
                writers, settings.permessageDeflate()));
    }
}
