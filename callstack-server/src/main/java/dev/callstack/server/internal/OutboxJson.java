package dev.callstack.server.internal;

import dev.callstack.core.OutboxEntry;
import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.util.List;

/** The outbox routes' bodies; each entry is {@link WireViews#writeOutboxEntry}'s view. Stateless. */
final class OutboxJson {
    private OutboxJson() {
    }

    /** {@code {"message_id":"<id>","status":"<status>"}}: the answer before the message is final. */
    static byte[] accepted(OutboxEntry entry) {
        return Json.write(g -> {
            g.writeStartObject();
            WireViews.writeMessageId(g, entry.messageId());
            g.writeStringField("status", WireViews.wireName(entry.status()));
            g.writeEndObject();
        });
    }

    /** One entry as its own object. */
    static byte[] entry(OutboxEntry entry, View view) {
        return Json.write(g -> {
            g.writeStartObject();
            WireViews.writeOutboxEntry(g, entry, view);
            g.writeEndObject();
        });
    }

    /** {@code {"messages":[...],"next_before":"<id>"|null}}; {@code next_before} is set when the page is full. */
    static byte[] page(List<OutboxEntry> entries, int limit, View view) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            for (OutboxEntry entry : entries) {
                g.writeStartObject();
                WireViews.writeOutboxEntry(g, entry, view);
                g.writeEndObject();
            }
            g.writeEndArray();
            boolean more = !entries.isEmpty() && entries.size() == limit;
            g.writeStringField("next_before", more ? Long.toString(entries.get(entries.size() - 1).messageId())
                    : null);
            g.writeEndObject();
        });
    }
}
