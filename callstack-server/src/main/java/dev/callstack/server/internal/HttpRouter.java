package dev.callstack.server.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches authenticated requests by exact path and method: 404 for unknown paths, 405 with {@code Allow} for
 * known paths, {@code GET /ws} through the {@link UpgradeGate} on to the WebSocket handshake. {@code HEAD} on a path
 * that has {@code GET} runs the {@code GET} route; the HTTP codec, which remembers each request's method, leaves the
 * body out and keeps the headers. Replies on one connection stay in request order because the
 * {@link HttpRequestSequencer} in front hands over one request at a time. Idle HTTP connections are closed.
 *
 * <p>Sharable and thread-safe: routes are thread-safe, the table is immutable.
 */
@ChannelHandler.Sharable
final class HttpRouter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

    private final Map<String, Map<HttpMethod, Route>> routes;
    private final Map<String, String> allow;
    private final UpgradeGate upgradeGate;
    private final HttpResponder responder;
    private final InFlightRequests inFlight;

    HttpRouter(Map<String, Map<HttpMethod, Route>> routes, UpgradeGate upgradeGate, HttpResponder responder,
               InFlightRequests inFlight) {
        Map<String, Map<HttpMethod, Route>> copy = new LinkedHashMap<>();
        routes.forEach((path, byMethod) -> copy.put(path, Map.copyOf(byMethod)));
        this.routes = Map.copyOf(copy);
        Map<String, String> allowed = new LinkedHashMap<>();
        copy.forEach((path, byMethod) -> allowed.put(path, allow(byMethod)));
        this.allow = Map.copyOf(allowed);
        this.upgradeGate = Objects.requireNonNull(upgradeGate, "upgradeGate");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Caller caller = ctx.channel().attr(ChannelAttributes.CALLER).get();
        String path = RoutePaths.path(request.uri());
        if (RoutePaths.WS.equals(path)) {
            upgrade(ctx, request, caller);
            return;
        }
        Map<HttpMethod, Route> byMethod = routes.get(RoutePaths.template(path));
        if (byMethod == null) {
            reply(ctx, request, ErrorBody.reply(404, ErrorBody.NOT_FOUND));
            return;
        }
        Route route = route(byMethod, request.method());
        if (route == null) {
            reply(ctx, request, ErrorBody.reply(405, ErrorBody.METHOD_NOT_ALLOWED)
                    .withHeader("Allow", allow.get(RoutePaths.template(path))));
            return;
        }
        dispatch(ctx, request, route, caller);
    }

    private static Route route(Map<HttpMethod, Route> byMethod, HttpMethod method) {
        Route route = byMethod.get(method);
        return route == null && HttpMethod.HEAD.equals(method) ? byMethod.get(HttpMethod.GET) : route;
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Caller caller) {
        if (!HttpMethod.GET.equals(request.method())) {
            reply(ctx, request, ErrorBody.reply(405, ErrorBody.METHOD_NOT_ALLOWED).withHeader("Allow", "GET"));
            return;
        }
        HttpReply refusal;
        try {
            refusal = upgradeGate.check(request, caller, ctx.channel());
        } catch (RuntimeException bug) {
            log.error("WebSocket upgrade check failed: {}", bug.getClass().getName());
            refusal = ErrorBody.reply(500, ErrorBody.INTERNAL).closing();
        }
        if (refusal != null) {
            reply(ctx, request, refusal);
            return;
        }
        // The handshake handler further down takes over the request (and releases it).
        ctx.fireChannelRead(request);
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request, Route route, Caller caller) {
        inFlight.begin();
        CompletableFuture<HttpReply> pending;
        try {
            pending = route.handle(new RouteRequest(request, caller));
        } catch (RuntimeException thrown) {
            pending = CompletableFuture.failedFuture(thrown);
        }
        pending.whenComplete((reply, failure) -> {
            HttpReply answer = reply != null ? reply : failureReply(failure);
            responder.send(ctx, request, answer).addListener(done -> {
                request.release();
                inFlight.end();
            });
        });
    }

    private static HttpReply failureReply(Throwable failure) {
        Throwable cause = ModemErrors.unwrap(failure);
        if (cause instanceof HttpError error) {
            return error.reply();
        }
        // The class only: an exception message might carry request data.
        log.error("Route failed unexpectedly: {}", cause.getClass().getName());
        return ErrorBody.reply(500, ErrorBody.INTERNAL);
    }

    private void reply(ChannelHandlerContext ctx, FullHttpRequest request, HttpReply reply) {
        try {
            responder.send(ctx, request, reply);
        } finally {
            request.release();
        }
    }

    private static String allow(Map<HttpMethod, Route> byMethod) {
        Set<String> methods = new TreeSet<>();
        byMethod.keySet().forEach(method -> methods.add(method.name()));
        if (methods.contains(HttpMethod.GET.name())) {
            methods.add(HttpMethod.HEAD.name());
        }
        return String.join(", ", methods);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            // Still in the HTTP phase (the router leaves the pipeline on upgrade). The sequencer pauses reading only
            // while a request waits for its answer, so an idle connection that still reads is an unused keep-alive
            // connection (or one that stalled mid-body).
            if (ctx.channel().config().isAutoRead()) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
