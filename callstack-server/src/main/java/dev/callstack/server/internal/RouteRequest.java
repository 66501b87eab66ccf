package dev.callstack.server.internal;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a route sees of a request. The request is released by the router once the reply is written, so a route
 * reads the body before it returns.
 */
record RouteRequest(FullHttpRequest http, Caller caller) {
    RouteRequest {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(caller, "caller");
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    String query(String name) {
        Map<String, List<String>> parameters;
        try {
            parameters = new QueryStringDecoder(http.uri()).parameters();
        } catch (IllegalArgumentException malformed) {
            throw HttpError.badRequest("invalid query string");
        }
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
