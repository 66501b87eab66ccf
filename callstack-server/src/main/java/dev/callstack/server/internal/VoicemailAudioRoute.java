package dev.callstack.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /voicemail/{id}.wav} ({@code content} keys): the recording as {@code audio/wav}; 404 for an unknown or
 * malformed id (ids are looked up in the table, never used as a path). Blocks on disk: run it off the event loop.
 * Thread-safe.
 */
final class VoicemailAudioRoute implements Route {
    static final String AUDIO_WAV = "audio/wav";

    private final VoicemailStore store;

    VoicemailAudioRoute(VoicemailStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        String id = RoutePaths.parameter(request.http().uri(), RoutePaths.VOICEMAIL_AUDIO);
        Optional<Path> file = store.find(id).flatMap(store::audio);
        if (file.isEmpty()) {
            return CompletableFuture.completedFuture(ErrorBody.reply(404, ErrorBody.NOT_FOUND));
        }
        byte[] wav;
        try {
            wav = Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a voicemail file", e);
        }
        return CompletableFuture.completedFuture(new HttpReply(200, AUDIO_WAV, wav,
                List.of(Map.entry("Cache-Control", "no-store")), false));
    }
}
