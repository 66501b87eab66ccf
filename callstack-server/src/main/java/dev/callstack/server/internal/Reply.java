package dev.callstack.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer before it becomes a Netty response.
 *
 * @param status      HTTP status code
 * @param contentType the Content-Type header
 * @param body        the body bytes (not copied; never mutated after construction)
 * @param headers     extra headers
 * @param close       close the connection after writing
 */
record Reply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers, boolean close) {
    static final String JSON = "application/json; charset=utf-8";

    Reply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, List.of(), false);
    }

    Reply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new java.util.ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Reply(status, contentType, body, more, close);
    }

    Reply closing() {
        return new Reply(status, contentType, body, headers, true);
    }
}
