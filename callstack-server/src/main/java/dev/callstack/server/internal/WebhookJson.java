package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.callstack.realtime.WireViews;
import dev.callstack.server.internal.webhook.WebhookDelivery;
import dev.callstack.server.internal.webhook.WebhookDeliveryStatus;
import dev.callstack.server.internal.webhook.WebhookSubscription;
import java.io.IOException;
import java.time.Instant;

/** The JSON of subscriptions and deliveries in webhook answers. Never the secret (only creation shows it). Stateless. */
final class WebhookJson {
    private WebhookJson() {
    }

    /** The subscription's fields, inside an object the caller opened. */
    static void writeSubscriptionFields(JsonGenerator g, WebhookSubscription s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("url", s.url());
        g.writeArrayFieldStart("events");
        for (String event : s.events()) {
            g.writeString(event);
        }
        g.writeEndArray();
        g.writeBooleanField("content", s.content());
    }

    /** A listed subscription: its fields plus state. */
    static void writeSubscription(JsonGenerator g, WebhookSubscription s) throws IOException {
        g.writeStartObject();
        writeSubscriptionFields(g, s);
        g.writeBooleanField("enabled", s.enabled());
        g.writeStringField("created_at", WireViews.timestamp(Instant.ofEpochMilli(s.createdAtMs())));
        g.writeNumberField("created_by", s.createdBy());
        timestamp(g, "failing_since", s.failingSince());
        g.writeNumberField("cursor", s.cursor());
        g.writeEndObject();
    }

    static void writeDelivery(JsonGenerator g, WebhookDelivery d) throws IOException {
        g.writeStartObject();
        g.writeNumberField("event_id", d.eventId());
        g.writeStringField("status", d.status().wireName());
        g.writeNumberField("attempts", d.attempts());
        boolean waiting = d.status() == WebhookDeliveryStatus.PENDING || d.status() == WebhookDeliveryStatus.FAILED;
        timestamp(g, "next_attempt_at", waiting ? d.nextAttemptMs() : 0);
        if (d.lastStatusCode() > 0) {
            g.writeNumberField("last_status_code", d.lastStatusCode());
        } else {
            g.writeNullField("last_status_code");
        }
        g.writeStringField("last_error", d.lastError());
        g.writeStringField("created_at", WireViews.timestamp(Instant.ofEpochMilli(d.createdAtMs())));
        g.writeStringField("updated_at", WireViews.timestamp(Instant.ofEpochMilli(d.updatedAtMs())));
        g.writeEndObject();
    }

    private static void timestamp(JsonGenerator g, String field, long epochMs) throws IOException {
        if (epochMs > 0) {
            g.writeStringField(field, WireViews.timestamp(Instant.ofEpochMilli(epochMs)));
        } else {
            g.writeNullField(field);
        }
    }
}
