package dev.callstack.server.internal;

import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.JournalEntry;
import dev.callstack.realtime.UnsupportedEventFilterException;
import dev.callstack.realtime.View;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /events?since=&limit=&events=}: the event journal for integrators that poll, the stream a
 * {@code /ws?since=} client replays. Each item is the stored envelope, byte for byte what {@code /ws} sent, in the
 * caller's view. {@code next_since} is the cursor for the next call: the last item's id, or, once the page is not
 * full, the newest id the journal had when the page was read (so a filter that matched nothing still moves on).
 * A {@code since} older than retention gets {@code "resync":true} and the page starts at the oldest kept event.
 * Reads SQLite: runs off the event loop.
 *
 * <p>Thread-safe.
 */
final class EventsRoute implements Route {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EventJournal journal;

    EventsRoute(EventJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        long lastId = journal.lastId();
        long since = Math.max(0, QueryParams.since(request.query("since"), lastId));
        int limit = QueryParams.intInRange(request.query("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT,
                QueryParams.INVALID_LIMIT);
        EventSelection selection;
        try {
            selection = EventSelection.parse(request.query("events"));
        } catch (UnsupportedEventFilterException unsupported) {
            return CompletableFuture.completedFuture(ErrorBody.unsupportedFilter(unsupported.supportedEvents()));
        }
        long oldest = journal.oldestId();
        long oldestKept = oldest > 0 ? oldest : lastId + 1;
        boolean resync = since < oldestKept - 1;
        List<JournalEntry> entries = journal.read(since, limit,
                selection.isAll() ? Set.of() : Set.copyOf(selection.names()));
        long nextSince = entries.isEmpty() ? since : entries.get(entries.size() - 1).id();
        if (entries.size() < limit) {
            nextSince = Math.max(nextSince, lastId);
        }
        View view = request.caller().view();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + entries.size() * 256);
        body.writeBytes(ascii("{\"events\":["));
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(entries.get(i).in(view).utf8());
        }
        body.writeBytes(ascii("],\"last_id\":" + journal.lastId() + ",\"oldest_id\":" + journal.oldestId()
                + ",\"next_since\":" + nextSince + (resync ? ",\"resync\":true}" : "}")));
        return CompletableFuture.completedFuture(HttpReply.json(200, body.toByteArray()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
