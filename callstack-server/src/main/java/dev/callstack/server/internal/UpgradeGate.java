package dev.callstack.server.internal;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;

/** Decides whether a {@code GET /ws} request may go on to the WebSocket handshake. Thread-safe. */
interface UpgradeGate {
    /** Null to let the upgrade proceed (after noting what the handshake needs on {@code channel}), else the refusal. */
    HttpReply check(FullHttpRequest request, Caller caller, Channel channel);
}
