package dev.callstack.server.internal;

import dev.callstack.realtime.View;

/**
 * Who made a request, as far as authorisation cares.
 *
 * @param keyId   the key's 1-based configuration position; 0 when the server runs without keys
 * @param content the key has the {@code content} privilege
 */
record Caller(int keyId, boolean content) {
    /** A loopback caller of a server configured without keys: redacted view. */
    static final Caller LOCAL = new Caller(0, false);

    /** The view this caller may see. */
    View view() {
        return content ? View.CONTENT : View.REDACTED;
    }
}
