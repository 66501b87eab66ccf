package dev.callstack.server.internal;

import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxEntry;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /sms/outbox/{id}} (one message in the caller's view) and {@code DELETE /sms/outbox/{id}} (cancels a queued
 * message: 200 with the entry, 409 once it is no longer queued). An id that is not a positive number, or no message
 * under it, is 404. Blocks on the store: run it off the event loop. Thread-safe.
 */
final class OutboxItemRoute implements Route {
    static final String NOT_QUEUED = "message is no longer queued";
    private static final long NO_ID = -1;

    private final Outbox outbox;
    private final boolean cancel;

    private OutboxItemRoute(Outbox outbox, boolean cancel) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.cancel = cancel;
    }

    static OutboxItemRoute get(Outbox outbox) {
        return new OutboxItemRoute(outbox, false);
    }

    static OutboxItemRoute cancel(Outbox outbox) {
        return new OutboxItemRoute(outbox, true);
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        long id = id(RoutePaths.parameter(request.http().uri(), RoutePaths.OUTBOX_ITEM));
        if (id == NO_ID) {
            return CompletableFuture.completedFuture(ErrorBody.reply(404, ErrorBody.NOT_FOUND));
        }
        Optional<OutboxEntry> entry;
        try {
            entry = cancel ? outbox.cancel(id) : outbox.find(id);
        } catch (IllegalStateException notQueued) {
            return CompletableFuture.completedFuture(ErrorBody.reply(409, NOT_QUEUED).auditing(id));
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(OutboxListRoute.ERRORS.replyOrRethrow(failure));
        }
        HttpReply reply = entry.map(found -> HttpReply.json(200, OutboxJson.entry(found, request.caller().view())))
                .orElseGet(() -> ErrorBody.reply(404, ErrorBody.NOT_FOUND));
        return CompletableFuture.completedFuture(reply.auditing(id));
    }

    /** A positive decimal id of at most 18 digits, or {@link #NO_ID}. */
    private static long id(String segment) {
        if (segment.isEmpty() || segment.length() > 18) {
            return NO_ID;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return NO_ID;
            }
        }
        long id = Long.parseLong(segment);
        return id < 1 ? NO_ID : id;
    }
}
