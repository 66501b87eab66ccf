package dev.callstack.server.internal;

import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.UnsupportedEventFilterException;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * Checks a {@code /ws} request before the handshake: it must ask for a WebSocket upgrade and its {@code events}
 * filter must parse (several {@code events} parameters are joined). The selection is left on the channel for
 * {@link RealtimeFrameHandler}.
 *
 * <p>Stateless and thread-safe.
 */
final class RealtimeUpgradeGate implements UpgradeGate {

    @Override
    public Reply check(FullHttpRequest request, Caller caller, Channel channel) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || !HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(upgrade)) {
            return ErrorBody.reply(400, ErrorBody.NOT_WEBSOCKET);
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
