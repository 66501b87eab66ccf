package dev.callstack.realtime;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as the journal keeps it: its id, its wire name and its complete envelope in both views, exactly the
 * bytes {@code /ws} sends, so a replay, {@code GET /events} and a webhook send what a live client got.
 *
 * @param id        the event id, strictly increasing across restarts
 * @param name      the wire name, one of {@link EventNames#supported()}
 * @param timestamp when the event happened
 * @param redacted  the envelope in {@link View#REDACTED}
 * @param content   the envelope in {@link View#CONTENT}
 */
public record JournalEntry(long id, String name, Instant timestamp, EncodedMessage redacted, EncodedMessage content) {
    /**
     * Validates a positive id, a supported name and non-null fields.
     *
     * @param id        positive
     * @param name      a supported event name
     * @param timestamp when the event happened
     * @param redacted  the redacted envelope
     * @param content   the content envelope
     */
    public JournalEntry {
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive");
        }
        if (!EventNames.isSupported(name)) {
            throw new IllegalArgumentException("unsupported event name");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(redacted, "redacted");
        Objects.requireNonNull(content, "content");
    }

    /**
     * The envelope a client or subscription with {@code view} gets.
     *
     * @param view the reader's view; not null
     * @return {@link #content()} or {@link #redacted()}
     */
    public EncodedMessage in(View view) {
        return Objects.requireNonNull(view, "view") == View.CONTENT ? content : redacted;
    }
}
