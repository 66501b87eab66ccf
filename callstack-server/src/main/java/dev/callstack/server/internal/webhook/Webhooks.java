package dev.callstack.server.internal.webhook;

import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.EventNames;
import dev.callstack.realtime.JournalEntry;
import dev.callstack.realtime.View;
import dev.callstack.server.internal.RandomBytes;
import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's webhooks: what the routes call (create, list, delete, deliveries, redeliver) over the store, the
 * SSRF guard and the dispatcher, and the static subscription of {@code --webhook}.
 *
 * <p>Thread-safe. Methods block on the store: call them off the event loop.
 */
public final class Webhooks implements AutoCloseable {
    /** The id of the {@code --webhook} subscription. */
    public static final String STATIC_ID = "static";
    /** The longest URL accepted. */
    public static final int MAX_URL_LENGTH = 2048;
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    /** What {@link #redeliver} did. */
    public enum Redelivery {
        /** Queued again. */
        QUEUED,
        /** No such subscription. */
        NO_SUBSCRIPTION,
        /** The journal does not hold that event (never was, or retention removed it). */
        NO_EVENT
    }

    /**
     * A created subscription and its secret, which is shown this once.
     *
     * @param subscription the stored subscription
     * @param secret       its {@code whsec_} secret
     */
    public record Created(WebhookSubscription subscription, String secret) {
        @Override
        public String toString() {
            return "Created[" + subscription.id() + "]";
        }
    }

    private final WebhookStore store;
    private final EventJournal journal;
    private final WebhookAddressGuard guard;
    private final WebhookTiming timing;
    private final WebhookDispatcher dispatcher;

    private Webhooks(WebhookStore store, EventJournal journal, WebhookAddressGuard guard, WebhookTiming timing,
                     WebhookDispatcher dispatcher) {
        this.store = store;
        this.journal = journal;
        this.guard = guard;
        this.timing = timing;
        this.dispatcher = dispatcher;
    }

    /**
     * Opens the tables, applies the static subscription and starts delivering.
     *
     * @param settings the configuration
     * @param database the SQLite file, or null for memory
     * @param journal  the event journal the hub appends to
     * @param metrics  where attempt results go
     * @param version  the server version for the {@code User-Agent}
     * @return the running webhooks
     */
    public static Webhooks start(WebhookSettings settings, Path database, EventJournal journal,
                                 WebhookMetrics metrics, String version) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(journal, "journal");
        WebhookAddressGuard guard = WebhookAddressGuard.system(settings.allowPrivate());
        WebhookStore store = WebhookStore.open(database);
        try {
            WebhookTiming timing = settings.timing();
            WebhookSender sender = new WebhookSender(guard, timing, Runnable::run, version);
            WebhookDispatcher dispatcher = new WebhookDispatcher(store, journal, sender, timing, metrics,
                    WebhookDispatcher.newScheduler(), WebhookDispatcher.newAttemptPool());
            Webhooks webhooks = new Webhooks(store, journal, guard, timing, dispatcher);
            webhooks.applyStatic(settings);
            dispatcher.start();
            return webhooks;
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }
    }

    private void applyStatic(WebhookSettings settings) {
        if (settings.staticUrl() == null) {
            store.delete(STATIC_ID);
            return;
        }
        String refusal = guard.refusal(settings.staticUrl());
        if (refusal != null) {
            // Not fatal: the target may come up later; each attempt checks again.
            log.warn("--webhook: {}; deliveries are refused until it is allowed", refusal);
        }
        WebhookSubscription existing = store.subscription(STATIC_ID);
        store.save(new WebhookSubscription(STATIC_ID, settings.staticUrl().toString(), List.of(),
                settings.staticContent(), settings.staticSecret(), timing.clock().millis(), 0, true, 0,
                existing == null ? journal.lastId() : existing.cursor()));
    }

    /**
     * Creates a subscription that starts with the next event.
     *
     * @param url       the target URL
     * @param events    event names; empty for all
     * @param content   whether payloads are unredacted (the caller checked the privilege)
     * @param createdBy the creating key's id
     * @return the subscription and its secret
     * @throws WebhookRefusal for a URL the guard refuses or an unknown event name
     */
    public Created create(String url, List<String> events, boolean content, int createdBy) {
        URI uri = parse(url);
        String refusal = guard.refusal(uri);
        if (refusal != null) {
            throw new WebhookRefusal(refusal);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String event : events) {
            if (!EventNames.isSupported(event)) {
                throw new WebhookRefusal("unknown event name in 'events'");
            }
            names.add(event);
        }
        String secret = WebhookSecret.generate();
        WebhookSubscription subscription = new WebhookSubscription("wh_" + HexFormat.of().formatHex(RandomBytes.next(12)),
                uri.toString(), List.copyOf(names), content, secret, timing.clock().millis(), createdBy, true, 0,
                journal.lastId());
        store.save(subscription);
        dispatcher.changed();
        log.info("Webhook {} created by key {} for {} event type(s)", subscription.id(), createdBy,
                names.isEmpty() ? "all" : Integer.toString(names.size()));
        return new Created(subscription, secret);
    }

    private static URI parse(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            throw new WebhookRefusal("'url' must be 1 to " + MAX_URL_LENGTH + " characters");
        }
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException malformed) {
            throw new WebhookRefusal("'url' is not a valid URL");
        }
    }

    /**
     * Every subscription.
     *
     * @return the subscriptions, oldest first
     */
    public List<WebhookSubscription> list() {
        return store.subscriptions();
    }

    /**
     * Deletes a subscription and its deliveries.
     *
     * @param id the subscription id
     * @return whether it existed
     */
    public boolean delete(String id) {
        boolean deleted = store.delete(id);
        if (deleted) {
            log.info("Webhook {} deleted", id);
        }
        return deleted;
    }

    /**
     * Deliveries of a subscription, newest event first.
     *
     * @param id     the subscription id
     * @param status only this status, or null
     * @param limit  the most to return
     * @return the deliveries, or null when there is no such subscription
     */
    public List<WebhookDelivery> deliveries(String id, WebhookDeliveryStatus status, int limit) {
        return store.subscription(id) == null ? null : store.deliveries(id, status, limit);
    }

    /**
     * Queues an event from the journal again for one subscription, due now.
     *
     * @param id      the subscription id
     * @param eventId the event
     * @return what happened
     */
    public Redelivery redeliver(String id, long eventId) {
        WebhookSubscription subscription = store.subscription(id);
        if (subscription == null) {
            return Redelivery.NO_SUBSCRIPTION;
        }
        List<JournalEntry> found = eventId < 1 ? List.of() : journal.read(eventId - 1, 1, Set.of());
        if (found.isEmpty() || found.get(0).id() != eventId) {
            return Redelivery.NO_EVENT;
        }
        View view = subscription.content() ? View.CONTENT : View.REDACTED;
        store.requeue(id, eventId, found.get(0).in(view).utf8(), timing.clock().millis());
        dispatcher.changed();
        return Redelivery.QUEUED;
    }

    /**
     * Figures for the metrics, refreshed every poll interval (never a query on the caller's thread).
     *
     * @return waiting deliveries, the oldest one's creation time, disabled subscriptions
     */
    public WebhookStore.Stats stats() {
        return dispatcher.stats();
    }

    /**
     * Now, on the webhook clock (for ages in the metrics).
     *
     * @return epoch milliseconds
     */
    public long nowMs() {
        return timing.clock().millis();
    }

    @Override
    public void close() {
        dispatcher.close();
        store.close();
    }
}
