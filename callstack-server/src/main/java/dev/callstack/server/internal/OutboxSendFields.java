package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.PhoneNumber;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The body of {@code POST /sms/send}, validated field by field with the documented 400 messages. Fields it does not
 * know are ignored, so a client written for a later version still sends. Pure.
 *
 * @param to           the E.164 recipient
 * @param body         the text, not empty
 * @param sendAt       not before this instant, or {@code null}
 * @param ttl          1 s to 7 days
 * @param priority     the queue priority
 * @param retryUnknown whether an unanswered {@code AT+CMGS} is sent again
 */
record OutboxSendFields(String to, String body, Instant sendAt, Duration ttl, OutboxPriority priority,
                        boolean retryUnknown) {
    static final long MAX_TTL_SECONDS = 604_800;
    /** How far ahead {@code send_at} may lie: far enough for any schedule, near enough that no date math overflows. */
    static final Duration MAX_SCHEDULE = Duration.ofDays(366);
    static final String INVALID_SEND_AT = "invalid 'send_at': an ISO-8601 instant such as 2026-12-05T08:00:00Z, "
            + "at most 366 days ahead";
    static final String INVALID_TTL = "invalid 'ttl': whole seconds, 1 to 604800";
    static final String INVALID_PRIORITY = "invalid 'priority': 'normal' or 'high'";
    static final String INVALID_RETRY_UNKNOWN = "invalid 'retry_unknown': true or false";

    private static final Map<String, OutboxPriority> PRIORITIES =
            Map.of("normal", OutboxPriority.NORMAL, "high", OutboxPriority.HIGH);

    /** The fields of {@code json}, or an {@link HttpError} 400 naming the first invalid one. */
    static OutboxSendFields parse(ObjectNode json, Instant now) {
        String to = Json.nonEmptyText(json, "to");
        if (to == null) {
            throw HttpError.badRequest("missing 'to'");
        }
        String body = Json.nonEmptyText(json, "body");
        if (body == null) {
            throw HttpError.badRequest("missing 'body'");
        }
        if (!PhoneNumber.isValid(to)) {
            throw HttpError.badRequest("invalid 'to' phone number");
        }
        return new OutboxSendFields(to, body, sendAt(json.get("send_at"), now), ttl(json.get("ttl")),
                priority(json.get("priority")), retryUnknown(json.get("retry_unknown")));
    }

    private static Instant sendAt(JsonNode value, Instant now) {
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpError.badRequest(INVALID_SEND_AT);
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeException malformed) {
            throw HttpError.badRequest(INVALID_SEND_AT);
        }
        if (at.isAfter(now.plus(MAX_SCHEDULE))) {
            throw HttpError.badRequest(INVALID_SEND_AT);
        }
        return at;
    }

    private static Duration ttl(JsonNode value) {
        if (absent(value)) {
            return OutboxRequest.DEFAULT_TTL;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1
                || value.longValue() > MAX_TTL_SECONDS) {
            throw HttpError.badRequest(INVALID_TTL);
        }
        return Duration.ofSeconds(value.longValue());
    }

    private static OutboxPriority priority(JsonNode value) {
        if (absent(value)) {
            return OutboxPriority.NORMAL;
        }
        OutboxPriority priority = value.isTextual() ? PRIORITIES.get(value.textValue()) : null;
        if (priority == null) {
            throw HttpError.badRequest(INVALID_PRIORITY);
        }
        return priority;
    }

    private static boolean retryUnknown(JsonNode value) {
        if (absent(value)) {
            return false;
        }
        if (!value.isBoolean()) {
            throw HttpError.badRequest(INVALID_RETRY_UNKNOWN);
        }
        return value.booleanValue();
    }

    /** Absent and JSON null both mean "the default". */
    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }
}
