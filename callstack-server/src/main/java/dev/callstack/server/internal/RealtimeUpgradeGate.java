package dev.callstack.server.internal;

import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.UnsupportedEventFilterException;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Checks a {@code /ws} request before the handshake: it must be a complete RFC 6455 upgrade request (Netty's
 * handshaker would otherwise drop the connection without any answer, or answer 426 without a JSON body) and its
 * {@code events} filter must parse (several {@code events} parameters are joined). The selection is left on the channel for
 * {@link RealtimeFrameHandler}.
 *
 * <p>Stateless and thread-safe.
 */
final class RealtimeUpgradeGate implements UpgradeGate {
    private static final String WEBSOCKET_VERSION = "13";

    private final LongSupplier lastId;

    /** A gate that checks a {@code since} cursor against {@code lastId}, the hub's newest event id. */
    RealtimeUpgradeGate(LongSupplier lastId) {
        this.lastId = Objects.requireNonNull(lastId, "lastId");
    }

    @Override
    public HttpReply check(FullHttpRequest request, Caller caller, Channel channel) {
        HttpHeaders headers = request.headers();
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || !HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(upgrade)
                || !headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                || !headers.contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            return ErrorBody.reply(400, ErrorBody.NOT_WEBSOCKET);
        }
        if (!WEBSOCKET_VERSION.equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            return ErrorBody.reply(426, ErrorBody.UNSUPPORTED_WEBSOCKET_VERSION)
                    .withHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION.toString(), WEBSOCKET_VERSION);
        }
        List<String> events;
        List<String> since;
        try {
            Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
            events = parameters.get("events");
            since = parameters.get("since");
        } catch (IllegalArgumentException malformed) {
            return ErrorBody.reply(400, "invalid query string");
        }
        long cursor;
        try {
            if (since != null && since.size() > 1) {
                throw HttpError.badRequest(QueryParams.INVALID_SINCE);
            }
            cursor = QueryParams.since(since == null ? null : since.get(0), lastId.getAsLong());
        } catch (HttpError invalid) {
            return invalid.reply();
        }
        EventSelection selection;
        try {
            selection = EventSelection.parse(events == null ? null : String.join(",", events));
        } catch (UnsupportedEventFilterException unsupported) {
            return ErrorBody.unsupportedFilter(unsupported.supportedEvents());
        }
        channel.attr(ChannelAttributes.WS_SELECTION).set(selection);
        channel.attr(ChannelAttributes.WS_SINCE).set(cursor < 0 ? null : cursor);
        return null;
    }
}
