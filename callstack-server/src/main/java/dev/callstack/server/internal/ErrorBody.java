package dev.callstack.server.internal;

import java.util.List;

/**
 * The one error JSON shape: {@code {"error":"<message>"}}, plus the few documented extra fields. Messages are fixed
 * strings written here or by routes; they never echo request data.
 *
 * <p>Stateless and thread-safe.
 */
final class ErrorBody {
    static final String MISSING_AUTH = "Missing or invalid Authorization header. Use 'Bearer <api_key>'.";
    static final String INVALID_KEY = "Invalid API key.";
    static final String RATE_LIMITED = "Rate limit exceeded.";
    static final String NOT_FOUND = "not found";
    static final String METHOD_NOT_ALLOWED = "method not allowed";
    static final String TOO_LARGE = "request body too large";
    static final String BAD_REQUEST = "bad request";
    static final String EXPECTATION_FAILED = "unsupported Expect header";
    static final String INVALID_JSON = "invalid JSON body";
    static final String NOT_AN_OBJECT = "JSON body must be an object";
    static final String MODEM_UNAVAILABLE = "modem not connected";
    static final String INTERNAL = "internal error";
    static final String BUSY = "server busy";
    static final String UNSUPPORTED_FILTER = "unsupported WebSocket event filter";
    static final String NOT_WEBSOCKET = "WebSocket upgrade required";
    static final String UNSUPPORTED_WEBSOCKET_VERSION = "unsupported WebSocket version";
    static final String TLS_REQUIRED = "this port speaks TLS only: use https:// or wss://";
    static final String RECIPIENT_NOT_ALLOWED = "recipient not allowed";
    static final String SMS_QUOTA_EXCEEDED = "SMS quota exceeded";
    static final String USSD_BUSY = "USSD session busy";
    static final String IDEMPOTENCY_CONFLICT = "Idempotency-Key was used for a different request";
    static final String CALL_ENDED = "the call has ended";
    static final String SMS_QUEUE_FULL = "SMS queue full";
    static final String NO_CALL = "no call in progress";
    static final String CALL_IN_PROGRESS = "call already in progress";
    static final String CALL_NOT_ACTIVE = "call not active";
    static final String INVALID_DTMF = "invalid 'digits': 1 to 32 of 0-9 * # A-D";

    private ErrorBody() {
    }

    static HttpReply reply(int status, String message) {
        return HttpReply.json(status, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        }));
    }

    static HttpReply rateLimited(long retryAfterSeconds) {
        return retryLater(RATE_LIMITED, retryAfterSeconds);
    }

    /** 403 for a route the caller's key may not use. */
    static HttpReply missingPrivilege(String privilege) {
        return reply(403, "missing privilege '" + privilege + "'");
    }

    static HttpReply smsQuotaExceeded(long retryAfterSeconds) {
        return retryLater(SMS_QUOTA_EXCEEDED, retryAfterSeconds);
    }

    static HttpReply unsupportedFilter(List<String> supportedEvents) {
        return HttpReply.json(400, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", UNSUPPORTED_FILTER);
            g.writeArrayFieldStart("supported_events");
            for (String event : supportedEvents) {
                g.writeString(event);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** 429 with the seconds to wait, in the body and in {@code Retry-After}. */
    private static HttpReply retryLater(String message, long retryAfterSeconds) {
        return HttpReply.json(429, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeNumberField("retry_after", retryAfterSeconds);
            g.writeEndObject();
        })).withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
