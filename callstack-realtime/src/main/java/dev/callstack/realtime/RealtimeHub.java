package dev.callstack.realtime;

import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.Subscription;
import dev.callstack.realtime.internal.EnvelopeEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans modem events out to realtime clients. Subscribes to the {@link EventBus} once, {@link Delivery#inline()
 * inline}, so nothing is lost between the bus and the hub; per published event it assigns the next id, encodes the
 * event at most once per {@link View} (only for views some matching client has), and makes one non-blocking offer
 * per matching client. Slow clients lose their oldest events (counted and reported by an {@code overflow} notice),
 * never delay the publisher or each other, and may be disconnected with 4008 when {@link RealtimeConfig} says so.
 *
 * <p>With an {@link EventJournal} the publisher only assigns the id, encodes and queues the event; a
 * {@link JournalWriter} stores whatever has queued up in one transaction (group commit) and then fans that batch out,
 * so a client never sees an event that is not durable, and a burst pays one commit, not one per event.
 *
 * <p>Thread-safe. Events from concurrent publishers are serialised so ids increase in every client's stream.
 */
public final class RealtimeHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);
    /** Marks a view whose encoding failed for the current event. */
    private static final EncodedMessage UNENCODABLE = new EncodedMessage(new byte[0]);
    /**
     * At most one journal commit per this interval while events keep coming (see {@link JournalWriter}): long enough
     * to batch a steady stream, short against the fan-out's latency budget (p99 50 ms).
     */
    static final Duration JOURNAL_COMMIT_INTERVAL = Duration.ofMillis(10);

    /** The event encoding step; a seam so tests can make it fail. */
    @FunctionalInterface
    interface EventEncoding {
        byte[] encode(long id, ModemEvent event, View view);
    }

    private final RealtimeConfig config;
    private final SlowConsumerRule slowConsumers;
    private final EnvelopeEncoder encoder = new EnvelopeEncoder();
    private final EventEncoding eventEncoding;
    private final Subscription subscription;
    /** Where every event is stored before fan-out, or null for a hub without a journal. */
    private final EventJournal journal;
    /** Group commit in front of the fan-out, or null without a journal (the publisher then fans out itself). */
    private final JournalWriter writer;
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder journalFailures = new LongAdder();

    /**
     * Serialises fan-out and registration, so every client sees ids in increasing order and a new client's hello
     * names the last event fanned out before it joined (every later one reaches it live).
     */
    private final Object fanOutLock = new Object();
    /** The newest id fanned out; written under {@link #fanOutLock}, volatile so {@link #lastId()} takes no lock. */
    private volatile long lastId;

    private final ClientRegistry clients = new ClientRegistry();

    /**
     * A hub fed by {@code bus}: it subscribes inline at once, so it must be {@link #close() closed} to let go.
     *
     * @param bus the events to fan out; not null
     * @param config per-client limits; not null
     */
    public RealtimeHub(EventBus bus, RealtimeConfig config) {
        this(bus, config, System::nanoTime, null, null, null);
    }

    /**
     * A hub that stores every event in {@code journal} before any client sees it, and continues its ids from the
     * journal's {@link EventJournal#lastId()} (so ids increase across restarts). Appends and fan-out run on the hub's
     * own journal-writer thread, which stores each batch of queued events in one {@link EventJournal#appendAll}.
     *
     * @param bus the events to fan out; not null
     * @param config per-client limits; not null
     * @param journal where events are stored first; not null; the hub does not close it
     */
    public RealtimeHub(EventBus bus, RealtimeConfig config, EventJournal journal) {
        this(bus, config, System::nanoTime, null, Objects.requireNonNull(journal, "journal"), null);
    }

    /** For tests: a journaled hub whose appends and fan-out run on {@code journalWrites} (e.g. the caller's thread). */
    RealtimeHub(EventBus bus, RealtimeConfig config, EventJournal journal, Executor journalWrites) {
        this(bus, config, System::nanoTime, null, Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(journalWrites, "journalWrites"));
    }

    RealtimeHub(EventBus bus, RealtimeConfig config, LongSupplier nanoClock) {
        this(bus, config, nanoClock, null, null, null);
    }

    /** For tests: a fake clock for the full-time rule and, when not null, a replacement event encoding. */
    RealtimeHub(EventBus bus, RealtimeConfig config, LongSupplier nanoClock, EventEncoding eventEncoding) {
        this(bus, config, nanoClock, eventEncoding, null, null);
    }

    private RealtimeHub(EventBus bus, RealtimeConfig config, LongSupplier nanoClock, EventEncoding eventEncoding,
                        EventJournal journal, Executor journalWrites) {
        Objects.requireNonNull(bus, "bus");
        this.journal = journal;
        this.lastId = journal == null ? 0 : journal.lastId();
        // The hub's own writer paces its commits; an injected executor (tests) commits every drain at once.
        // A committed batch reaches each client in one burst: half a queue leaves room for the next one.
        this.writer = journal == null ? null : new JournalWriter(journal, journalWrites, this::fanOutStored,
                journalFailures, journalWrites == null ? JOURNAL_COMMIT_INTERVAL.toNanos() : 0,
                Math.max(1, config.queueCapacity() / 2));
        this.config = Objects.requireNonNull(config, "config");
        this.slowConsumers = new SlowConsumerRule(config, nanoClock);
        this.eventEncoding = eventEncoding != null ? eventEncoding : encoder::event;
        this.subscription = bus.subscribe(ModemEvent.class, this::onEvent, Delivery.inline());
    }

    /**
     * Registers a client: its {@code hello} is the first message it gets (sent now if the sink is writable), followed
     * by every event of {@code selection} published from now on, in {@code view}. After {@link #close()} the sink is
     * closed with 1001 at once and the returned handle is already closed.
     *
     * @param sink the transport's connection; not null
     * @param selection the events the client asked for; not null
     * @param view redacted or full content; not null
     * @return the client's handle, for the transport's writability and disconnect callbacks
     */
    public ClientHandle register(ClientSink sink, EventSelection selection, View view) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(view, "view");
        ClientHandle client;
        boolean added;
        synchronized (fanOutLock) { // hello's last_id and the first live event must meet: no fan-out in between
            EncodedMessage hello = new EncodedMessage(encoder.hello(selection, lastId));
            client = new ClientHandle(this, sink, selection, view, config.queueCapacity(), hello);
            added = clients.add(client);
        }
        return started(client, added);
    }

    /**
     * Registers a client that resumes after event {@code since}: it gets its {@code hello}, then the journal's events
     * after {@code since} of {@code selection} in {@code view} (read in pages on {@code journalReads}, preceded by a
     * {@code resync} notice when retention already deleted some of them), then the live stream. The client joins the
     * fan-out at once; live events wait in its queue until the stored ones are out, so nothing is missed or repeated.
     * A {@code since} at or after {@link #lastId()} replays nothing.
     *
     * @param sink the transport's connection; not null
     * @param selection the events the client asked for; not null
     * @param view redacted or full content; not null
     * @param since the id of the last event the client has; not negative
     * @param journalReads where journal pages are read; not the transport's thread; not null
     * @return the client's handle
     * @throws IllegalStateException when this hub has no journal
     */
    public ClientHandle register(ClientSink sink, EventSelection selection, View view, long since,
                                 Executor journalReads) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(journalReads, "journalReads");
        if (since < 0) {
            throw new IllegalArgumentException("since must not be negative");
        }
        if (journal == null) {
            throw new IllegalStateException("this hub keeps no journal");
        }
        Set<String> names = selection.isAll() ? Set.of() : Set.copyOf(selection.names());
        ClientHandle client;
        boolean added;
        synchronized (fanOutLock) { // every id up to lastId is journaled; every later one will be offered live
            long endId = lastId;
            Replay replay = since >= endId ? null
                    : new Replay(journal, since, endId, names, view, journalReads, this::resyncNotice);
            EncodedMessage hello = new EncodedMessage(encoder.hello(selection, endId));
            client = new ClientHandle(this, sink, selection, view, config.queueCapacity(), hello, replay);
            added = clients.add(client);
        }
        return started(client, added);
    }

    private ClientHandle started(ClientHandle client, boolean added) {
        ClientSink sink = client.sink();
        if (!added) {
            client.closeWith(ClientHandle.CLOSE_GOING_AWAY, ClientHandle.REASON_SHUTDOWN);
            return client;
        }
        log.debug("Realtime client {} registered ({} events, {})", sink.connectionId(), client.selection().names().size(),
                client.view());
        client.writabilityChanged();
        return client;
    }

    /**
     * Clients currently registered.
     *
     * @return the number of open clients
     */
    public int clientCount() {
        return clients.current().length;
    }

    /**
     * Events handed to sinks so far, over all clients (hello and overflow notices not counted).
     *
     * @return the running total
     */
    public long eventsSent() {
        return sent.sum();
    }

    /**
     * Events clients lost so far (drop-oldest on a full queue, or an event that could not be encoded), summed.
     *
     * @return the running total
     */
    public long eventsDropped() {
        return dropped.sum();
    }

    /**
     * Unsubscribes from the bus, lets the journal writer store and fan out what is queued, and closes every client
     * with 1001 "server shutting down". Idempotent.
     */
    @Override
    public void close() {
        ClientHandle[] snapshot = clients.close();
        if (snapshot == null) {
            return;
        }
        subscription.close();
        if (writer != null) {
            writer.close();
        }
        for (ClientHandle client : snapshot) {
            client.closeWith(ClientHandle.CLOSE_GOING_AWAY, ClientHandle.REASON_SHUTDOWN);
        }
        log.debug("Realtime hub closed, {} clients disconnected", snapshot.length);
    }

    private void onEvent(ModemEvent event) {
        int index = EventNames.indexOf(event);
        if (writer != null) {
            writer.publish(id -> pending(id, index, event));
            return;
        }
        synchronized (fanOutLock) {
            long id = lastId + 1;
            fanOut(index, event, id);
            lastId = id;
        }
    }

    /**
     * The event in both views and as a journal entry, built on the publishing thread (under the writer's lock, which
     * assigned {@code id}). An event that cannot be encoded is not journaled (counted), and still fanned out as lost.
     */
    private JournalWriter.Pending pending(long id, int index, ModemEvent event) {
        EncodedMessage redacted = encode(id, event, View.REDACTED);
        EncodedMessage content = encode(id, event, View.CONTENT);
        JournalEntry entry = null;
        if (redacted == UNENCODABLE || content == UNENCODABLE) {
            journalFailures.increment();
        } else {
            entry = new JournalEntry(id, EventNames.supported().get(index), event.timestamp(), redacted, content);
        }
        return new JournalWriter.Pending(id, index, redacted, content, entry);
    }

    /**
     * The journal writer's hand-over: a batch of events, stored (or counted as not storable), in id order. Client by
     * client, each taking the whole batch in order: a client's handle, sink and channel (which its event loop touches
     * too) are fetched into this core's cache once per batch instead of once per event.
     */
    private void fanOutStored(List<JournalWriter.Pending> batch) {
        synchronized (fanOutLock) {
            for (ClientHandle client : clients.current()) {
                boolean content = client.view() == View.CONTENT;
                for (JournalWriter.Pending pending : batch) {
                    if (client.accepts(pending.index())) {
                        EncodedMessage message = content ? pending.content() : pending.redacted();
                        if (message == UNENCODABLE) {
                            client.lose();
                        } else {
                            client.offer(message);
                        }
                    }
                }
            }
            lastId = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Offers one event to every client that selected it, encoding a view on first use (a hub without journal encodes
     * only the views its clients have). Called under {@link #fanOutLock}.
     */
    private void fanOut(int index, ModemEvent event, long id) {
        EncodedMessage redacted = null;
        EncodedMessage content = null;
        for (ClientHandle client : clients.current()) {
            if (!client.accepts(index)) {
                continue;
            }
            EncodedMessage message;
            if (client.view() == View.CONTENT) {
                if (content == null) {
                    content = encode(id, event, View.CONTENT);
                }
                message = content;
            } else {
                if (redacted == null) {
                    redacted = encode(id, event, View.REDACTED);
                }
                message = redacted;
            }
            if (message == UNENCODABLE) {
                client.lose();
            } else {
                client.offer(message);
            }
        }
    }

    /**
     * Events that could not be stored in the journal (they still went to connected clients).
     *
     * @return the running total
     */
    public long journalFailures() {
        return journalFailures.sum();
    }

    /**
     * The id of the newest event fanned out to clients (or of the journal's newest, before any); with a journal,
     * every event up to it is stored.
     *
     * @return 0 when none
     */
    public long lastId() {
        return lastId;
    }

    /** The event in {@code view}, or {@link #UNENCODABLE}: a failure must not cut the fan-out short for others. */
    private EncodedMessage encode(long id, ModemEvent event, View view) {
        try {
            return new EncodedMessage(eventEncoding.encode(id, event, view));
        } catch (RuntimeException failure) {
            log.warn("Realtime event {} ({}) could not be encoded, counted as dropped: {}", id,
                    event.getClass().getSimpleName(), failure.getClass().getName());
            return UNENCODABLE;
        }
    }

    void unregister(ClientHandle client) {
        if (clients.remove(client)) {
            log.debug("Realtime client {} unregistered", client.connectionId());
        }
    }

    private EncodedMessage resyncNotice(long oldest) {
        return new EncodedMessage(encoder.resync(oldest));
    }

    EncodedMessage overflowNotice(long droppedSinceLastNotice) {
        return new EncodedMessage(encoder.overflow(droppedSinceLastNotice));
    }

    void countSent(long events) {
        sent.add(events);
    }

    void countDropped() {
        dropped.increment();
    }

    SlowConsumerRule slowConsumers() {
        return slowConsumers;
    }

    /** Registered clients, for tests checking that nothing is left behind. */
    ClientHandle[] clientsSnapshot() {
        return clients.current().clone();
    }

    boolean isSubscribed() {
        return subscription.isActive();
    }
}
