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
        try {
            events = new QueryStringDecoder(request.uri()).parameters().get("events");
        } catch (IllegalArgumentException malformed) {
            return ErrorBody.reply(400, "invalid query string");
        }
        EventSelection selection;
        try {
            selection = EventSelection.parse(events == null ? null : String.join(",", events));
        } catch (UnsupportedEventFilterException unsupported) {
            return ErrorBody.unsupportedFilter(unsupported.supportedEvents());
        }
        channel.attr(ChannelAttributes.WS_SELECTION).set(selection);
        return null;
    }
}
