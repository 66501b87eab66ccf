package dev.callstack.server.internal;

import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxStatus;
import dev.callstack.realtime.WireViews;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /sms/outbox?status=&limit=&before=}: outbox messages newest first, paged by id, optionally of one state,
 * each in {@link WireViews#writeOutboxEntry}'s view for the caller. Blocks on the store: run it off the event loop.
 * Thread-safe.
 */
final class OutboxListRoute implements Route {
    static final ModemErrors ERRORS = new ModemErrors("invalid outbox query", "outbox timed out", "outbox failed");
    static final String INVALID_STATUS = "invalid 'status'";
    static final String INVALID_BEFORE = "invalid 'before'";
    private static final Map<String, OutboxStatus> STATUSES = byWireName();

    private final Outbox outbox;

    OutboxListRoute(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String statusName = request.query("status");
        OutboxStatus status = statusName == null ? null : STATUSES.get(statusName);
        if (statusName != null && status == null) {
            throw HttpError.badRequest(INVALID_STATUS);
        }
        int limit = QueryParams.pageLimit(request.query("limit"));
        long before = QueryParams.positiveLong(request.query("before"), INVALID_BEFORE);
        List<OutboxEntry> entries;
        try {
            entries = outbox.list(status, limit, before < 0 ? OptionalLong.empty() : OptionalLong.of(before));
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(ERRORS.replyOrRethrow(failure));
        }
        return CompletableFuture.completedFuture(
                HttpReply.json(200, OutboxJson.page(entries, limit, request.caller().view())));
    }

    private static Map<String, OutboxStatus> byWireName() {
        Map<String, OutboxStatus> names = new HashMap<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            names.put(WireViews.wireName(status), status);
        }
        return Map.copyOf(names);
    }
}
