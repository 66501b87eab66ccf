package dev.callstack.server.internal;

import dev.callstack.realtime.EventSelection;
import io.netty.util.AttributeKey;

/** Per-connection facts handed from one handler to the next. Constants only. */
final class ChannelAttributes {
    /** Set by the auth handler for each request it lets through. */
    static final AttributeKey<Caller> CALLER = AttributeKey.valueOf("callstack.caller");
    /** Set by the router on an accepted {@code /ws} upgrade request; read by the realtime handler. */
    static final AttributeKey<EventSelection> WS_SELECTION = AttributeKey.valueOf("callstack.ws.selection");

    /** Set by the router on an accepted {@code /ws?since=} upgrade request: the client's resume cursor. */
    static final AttributeKey<Long> WS_SINCE = AttributeKey.valueOf("callstack.ws.since");

    private ChannelAttributes() {
    }
}
