package dev.callstack.server.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DELETE /voicemail/{id}} ({@code content} keys: whoever may listen to a voicemail may discard it; a
 * read-only key may neither): deletes the file, then the row; 204, or 404 for an unknown id. Blocks on disk: run it
 * off the event loop. Thread-safe.
 */
final class VoicemailDeleteRoute implements Route {
    private final VoicemailStore store;

    VoicemailDeleteRoute(VoicemailStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String id = RoutePaths.parameter(request.http().uri(), RoutePaths.VOICEMAIL_ITEM);
        if (!store.delete(id)) {
            return CompletableFuture.completedFuture(ErrorBody.reply(404, ErrorBody.NOT_FOUND));
        }
        return CompletableFuture.completedFuture(new HttpReply(204, HttpReply.JSON, new byte[0], List.of(), false));
    }
}
