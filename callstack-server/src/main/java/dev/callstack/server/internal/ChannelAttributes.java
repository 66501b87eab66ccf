package dev.callstack.server.internal;

import io.netty.util.AttributeKey;

/** Per-connection facts handed from one handler to the next. */
final class ChannelAttributes {
    /** Set by the auth handler for each request it lets through. */
    static final AttributeKey<Caller> CALLER = AttributeKey.valueOf("callstack.caller");
    /** Set by the router on an accepted {@code /ws} upgrade request; read by the realtime handler. */
    static final AttributeKey<Object> WS_SELECTION = AttributeKey.valueOf("callstack.ws.selection");

    private ChannelAttributes() {
    }
}
