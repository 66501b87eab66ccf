package dev.callstack.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An HTTP answer before it becomes a Netty response.
 *
 * @param status      HTTP status code
 * @param contentType the Content-Type header
 * @param body        the body bytes (not copied; never mutated after construction)
 * @param headers     extra headers
 * @param close       close the connection after writing
 * @param messageId   the stored message the request created or touched, for the audit line; not sent
 */
@SuppressWarnings("ArrayRecordComponent") // a reply to write once, never compared
record HttpReply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers, boolean close,
                 OptionalLong messageId) {
    static final String JSON = "application/json; charset=utf-8";

    HttpReply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(messageId, "messageId");
    }

    HttpReply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers, boolean close) {
        this(status, contentType, body, headers, close, OptionalLong.empty());
    }

    static HttpReply json(int status, byte[] body) {
        return new HttpReply(status, JSON, body, List.of(), false);
    }

    HttpReply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new java.util.ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpReply(status, contentType, body, more, close, messageId);
    }

    HttpReply closing() {
        return new HttpReply(status, contentType, body, headers, true, messageId);
    }

    /** This reply, naming the message id in the audit line. */
    HttpReply auditing(long id) {
        return new HttpReply(status, contentType, body, headers, close, OptionalLong.of(id));
    }
}
