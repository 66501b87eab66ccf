package dev.callstack.server.internal;

import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /voicemail?limit=&before=}: stored voicemail newest first, paged like {@code /sms/outbox}
 * ({@code next_before} is the cursor for the next page, null on the last). Each item is
 * {@link WireViews#writeVoicemail}'s view (the caller redacted unless the key has {@code content}) plus
 * {@code started_at} and {@code ending}. Blocks on the store: run it off the event loop. Thread-safe.
 */
final class VoicemailListRoute implements Route {
    static final String INVALID_BEFORE = "invalid 'before'";

    private final VoicemailStore store;

    VoicemailListRoute(VoicemailStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        int limit = QueryParams.pageLimit(request.query("limit"));
        long before = QueryParams.positiveLong(request.query("before"), INVALID_BEFORE);
        List<VoicemailEntry> entries = store.list(limit, before);
        View view = request.caller().view();
        return CompletableFuture.completedFuture(HttpReply.json(200, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("voicemail");
            for (VoicemailEntry entry : entries) {
                g.writeStartObject();
                WireViews.writeVoicemail(g, entry.id(), entry.duration(), entry.caller(), view);
                g.writeStringField("started_at", WireViews.timestamp(entry.startedAt()));
                g.writeStringField("ending", entry.ending());
                g.writeEndObject();
            }
            g.writeEndArray();
            boolean more = !entries.isEmpty() && entries.size() == limit;
            g.writeStringField("next_before", more ? Long.toString(entries.get(entries.size() - 1).seq()) : null);
            g.writeEndObject();
        })));
    }
}
