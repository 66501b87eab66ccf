package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.Outbox;
import dev.callstack.realtime.EventJournal;
import dev.callstack.realtime.RealtimeConfig;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.server.Privilege;
import dev.callstack.server.internal.webhook.Webhooks;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles and runs the server: keys, limiters, metrics, realtime hub, routes and the Netty bootstrap; shuts down
 * in order (stop accepting → hub closes WebSockets with 1001 → in-flight requests → connections → event loops).
 *
 * <p>Thread-safe: {@link #start()} once, {@link #close()} from any thread, idempotent.
 */
public final class NettyHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NettyHttpServer.class);
    /** Store queries are short; a couple of threads and a bounded backlog keep a slow store from piling up work. */
    private static final int BLOCKING_THREADS = 2;
    private static final int BLOCKING_QUEUE = 256;
    /**
     * Threads committing {@code POST /sms/send}: concurrent enqueues share one fsynced commit (group commit), so more
     * waiting requests mean more per commit; they wait on the disk, not on a core, and idle ones end after a minute.
     */
    private static final int OUTBOX_COMMIT_THREADS = 32;
    /** The version in the webhooks' {@code User-Agent}. */
    private static final String WEBHOOK_AGENT_VERSION = "0.1.0";
    /** Replays read the journal in pages on these threads; one connection serves them, so two are plenty. */
    private static final int JOURNAL_READ_THREADS = 2;

    private final ServerSettings settings;
    private final Modem modem;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final ChannelGroup connections = new DefaultChannelGroup("callstack-connections",
            GlobalEventExecutor.INSTANCE);
    private final long startNanos = System.nanoTime();
    private ExecutorService blockingWork;
    private ThreadPoolExecutor outboxCommits;
    private EventLoopGroup ioGroup;
    private Channel serverChannel;
    private RealtimeHub hub;
    private ServerMetrics metrics;
    private ReloadingTlsContext tls;
    private SmsQuotaLedger quota;
    private EventJournal journal;
    private Webhooks webhooks;
    private JournalPruner journalPruner;
    private OutboxBacklogGauges outboxGauges;
    private ExecutorService journalReads;
    private final VoiceSettings voiceSettings;
    private VoiceService voice;
    private volatile Transport transport;

    public NettyHttpServer(ServerSettings settings, Modem modem) {
        this(settings, modem, VoiceSettings.NONE);
    }

    /** A server with voice options ({@code --voice}, {@code --voicemail-dir}). */
    public NettyHttpServer(ServerSettings settings, Modem modem, VoiceSettings voice) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.modem = Objects.requireNonNull(modem, "modem");
        this.voiceSettings = Objects.requireNonNull(voice, "voice");
    }

    /** Binds and returns the port; throws {@link IllegalStateException} for a configuration refused at startup. */
    public synchronized int start() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        ApiKeyRegistry keys = ApiKeyRegistry.of(settings.keys());
        AuthPolicy.check(settings, keys.size());
        voice = VoiceService.start(voiceSettings, modem, settings.quotaDatabase(), Clock.systemUTC());
        quota = SmsQuotaLedger.open(settings.quotaDatabase(), Clock.systemUTC());
        tls = settings.tls() == null ? null : ReloadingTlsContext.start(settings.tls());
        SqliteEventJournal sqliteJournal = SqliteEventJournal.open(settings.quotaDatabase());
        journal = sqliteJournal;
        journalPruner = new JournalPruner(sqliteJournal, settings.journalRetention(), settings.journalMaxEvents(),
                Clock.systemUTC()).start();
        journalReads = Executors.newFixedThreadPool(JOURNAL_READ_THREADS,
                new DefaultThreadFactory("callstack-journal-read", true));
        hub = new RealtimeHub(modem.events(), RealtimeConfig.defaults().withQueueCapacity(settings.wsQueueCapacity()),
                journal);
        RealtimeHub realtime = hub;
        ServerMetrics.RealtimeStats realtimeStats = new ServerMetrics.RealtimeStats() {
            @Override
            public int clients() {
                return realtime.clientCount();
            }

            @Override
            public long sent() {
                return realtime.eventsSent();
            }

            @Override
            public long dropped() {
                return realtime.eventsDropped();
            }
        };
        metrics = new ServerMetrics(modem.events(), modem::status, this::uptimeSeconds, realtimeStats);
        metrics.journal(sqliteJournal::lastId, sqliteJournal::oldestId, sqliteJournal::size,
                realtime::journalFailures);
        webhooks = Webhooks.start(settings.webhooks(), settings.quotaDatabase(), journal, metrics::recordWebhook,
                WEBHOOK_AGENT_VERSION);
        metrics.webhooks(webhooks);
        Outbox backlogOf = outboxOrNull();
        if (backlogOf != null) {
            outboxGauges = new OutboxBacklogGauges(backlogOf, Clock.systemUTC()).start();
            metrics.outboxBacklog(outboxGauges);
        }
        HttpResponder responder = new HttpResponder(metrics);
        RateLimiter<ApiKey> keyLimiter = settings.rateLimit() == 0 ? null
                : new RateLimiter<>(settings.rateLimit(), settings.rateWindow(), System::nanoTime);
        RateLimiter<InetAddress> failureLimiter = settings.authFailureLimit() == 0 ? null
                : new RateLimiter<>(settings.authFailureLimit(), settings.authFailureWindow(), System::nanoTime);
        ApiKeyAuthHandler auth = new ApiKeyAuthHandler(keys, keyLimiter, failureLimiter, responder, metrics);
        blockingWork = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), new DefaultThreadFactory("callstack-blocking", true),
                new ThreadPoolExecutor.AbortPolicy());
        outboxCommits = new ThreadPoolExecutor(OUTBOX_COMMIT_THREADS, OUTBOX_COMMIT_THREADS, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), new DefaultThreadFactory("callstack-outbox-commit", true),
                new ThreadPoolExecutor.AbortPolicy());
        outboxCommits.allowCoreThreadTimeOut(true);
        HttpRouter router = new HttpRouter(routes(blockingWork), new RealtimeUpgradeGate(realtime::lastId), responder,
                inFlight);
        CrossSitePolicy crossSite = new CrossSitePolicy(LoopbackHost.isLoopback(settings.host()),
                settings.allowedHosts(), settings.allowedOrigins());
        ServerChannelInitializer initializer = new ServerChannelInitializer(settings,
                new ConnectionLimit(settings.maxConnections(), metrics), new ConnectionTracker(connections),
                crossSite, responder, auth, router, metrics, hub, tls, journalReads);

        Transport chosen;
        try {
            chosen = new TransportChooser(TransportChooser.NativeEpoll.NETTY).choose(settings.transport());
        } catch (IllegalStateException unavailable) {
            close();
            throw unavailable;
        }
        transport = chosen;
        // The listening channel accepts on one of the I/O loops rather than on a thread of its own: accepting is a
        // few system calls per connection, and an idle thread costs its stack and native structures on a small board.
        ioGroup = new MultiThreadIoEventLoopGroup(ioThreads(settings.ioThreads()),
                new DefaultThreadFactory("callstack-io", true),
                chosen.ioHandler());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(ioGroup)
                    .channel(chosen.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(settings.writeBufferLow(), settings.writeBufferHigh()))
                    .childHandler(initializer);
            serverChannel = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException bindFailed) {
            close();
            throw bindFailed;
        }
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("Callstack server listening on {}:{} ({} API key(s), rate limit {}/{}s, WebSocket queue {}, "
                + "transport {})", settings.host(), port, keys.size(), settings.rateLimit(),
                settings.rateWindow().toSeconds(), settings.wsQueueCapacity(), chosen.name());
        warnIfPublicWithoutTls();
        return port;
    }

    /**
     * The modem's outbox, or null for an embedder's custom {@link Modem} without one: {@code POST /sms/send} then
     * keeps the synchronous send of earlier versions and the {@code /sms/outbox} routes do not exist.
     */
    private Outbox outboxOrNull() {
        try {
            return modem.outbox();
        } catch (UnsupportedOperationException none) {
            return null;
        }
    }

    private Map<String, Map<HttpMethod, Route>> routes(Executor blocking) {
        Map<String, Map<HttpMethod, Route>> routes = new LinkedHashMap<>();
        Outbox outbox = outboxOrNull();
        routes.put(RoutePaths.SMS_SEND, Map.of(HttpMethod.POST, new PrivilegedRoute(Privilege.SEND, outbox == null
                ? new SmsSendRoute(modem, quota, blocking)
                : new OutboxSendRoute(outbox, quota, outboxCommits, blocking, Clock.systemUTC()))));
        if (outbox != null) {
            routes.put(RoutePaths.OUTBOX, Map.of(HttpMethod.GET,
                    new OffLoopRoute(new OutboxListRoute(outbox), blocking)));
            routes.put(RoutePaths.OUTBOX_ITEM, Map.of(
                    HttpMethod.GET, new OffLoopRoute(OutboxItemRoute.get(outbox), blocking),
                    HttpMethod.DELETE, new PrivilegedRoute(Privilege.SEND,
                            new OffLoopRoute(OutboxItemRoute.cancel(outbox), blocking))));
        }
        routes.put(RoutePaths.SMS_MESSAGES, Map.of(HttpMethod.GET,
                new OffLoopRoute(new SmsMessagesRoute(modem), blocking)));
        routes.put(RoutePaths.DELIVERY_REPORTS, Map.of(HttpMethod.GET,
                new OffLoopRoute(new DeliveryReportsRoute(modem), blocking)));
        routes.put(RoutePaths.USSD_SEND, Map.of(HttpMethod.POST,
                new PrivilegedRoute(Privilege.USSD, new UssdSendRoute(modem))));
        routes.put(RoutePaths.CALLS_DIAL, Map.of(HttpMethod.POST,
                new PrivilegedRoute(Privilege.CALLS, CallCommandRoute.dial(modem))));
        routes.put(RoutePaths.CALLS_ANSWER, Map.of(HttpMethod.POST,
                new PrivilegedRoute(Privilege.CALLS, CallCommandRoute.answer(modem))));
        routes.put(RoutePaths.CALLS_HANGUP, Map.of(HttpMethod.POST,
                new PrivilegedRoute(Privilege.CALLS, CallCommandRoute.hangUp(modem))));
        routes.put(RoutePaths.CALLS_DTMF, Map.of(HttpMethod.POST,
                new PrivilegedRoute(Privilege.CALLS, CallCommandRoute.dtmf(modem))));
        routes.put(RoutePaths.CALLS_CURRENT, Map.of(HttpMethod.GET,
                new PrivilegedRoute(Privilege.CALLS, new CurrentCallRoute(modem))));
        routes.put(RoutePaths.HEALTH, Map.of(HttpMethod.GET,
                new OffLoopRoute(new HealthRoute(modem, settings.storeReady(), settings.simulated(),
                        this::uptimeSeconds), blocking)));
        routes.put(RoutePaths.STATUS, Map.of(HttpMethod.GET, new StatusRoute(modem, settings.simulated(),
                voice.planLoaded(), this::transport)));
        routes.put(RoutePaths.METRICS, Map.of(HttpMethod.GET, new MetricsRoute(metrics)));
        webhookRoutes(routes, blocking);
        routes.put(RoutePaths.EVENTS, Map.of(HttpMethod.GET, new OffLoopRoute(new EventsRoute(journal), blocking)));
        voice.routes(routes, blocking);
        return routes;
    }

    /** The webhook routes: admin only, off the event loop (SQLite, and DNS for the SSRF guard). */
    private void webhookRoutes(Map<String, Map<HttpMethod, Route>> routes, Executor blocking) {
        routes.put(RoutePaths.WEBHOOKS, Map.of(
                HttpMethod.POST, admin(new WebhookCreateRoute(webhooks), blocking),
                HttpMethod.GET, admin(new WebhookListRoute(webhooks), blocking)));
        routes.put(RoutePaths.WEBHOOK, Map.of(HttpMethod.DELETE, admin(new WebhookDeleteRoute(webhooks), blocking)));
        routes.put(RoutePaths.WEBHOOK_DELIVERIES, Map.of(HttpMethod.GET,
                admin(new WebhookDeliveriesRoute(webhooks), blocking)));
        routes.put(RoutePaths.WEBHOOK_REDELIVER, Map.of(HttpMethod.POST,
                admin(new WebhookRedeliverRoute(webhooks), blocking)));
        routes.put(RoutePaths.SMS_SUBSCRIBE, Map.of(HttpMethod.POST,
                admin(new SmsSubscribeRoute(webhooks), blocking)));
    }

    private static Route admin(Route route, Executor blocking) {
        return new PrivilegedRoute(Privilege.ADMIN, new OffLoopRoute(route, blocking));
    }

    private void warnIfPublicWithoutTls() {
        if (tls != null) {
            return;
        }
        if (!LoopbackHost.isLoopback(settings.host())) {
            log.warn("Plain HTTP on public address {}: API keys and messages cross the network unencrypted. "
                    + "Pass --tls-cert and --tls-key, or listen on 127.0.0.1 behind a TLS reverse proxy",
                    settings.host());
        }
    }

    long uptimeSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    /** The transport in use, {@code epoll} or {@code nio}; null before {@link #start()}. */
    public String transport() {
        Transport current = transport;
        return current == null ? null : current.name();
    }

    /** Realtime clients connected now (for tests and tools). */
    public int realtimeClients() {
        RealtimeHub current = hub;
        return current == null ? 0 : current.clientCount();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Duration grace = settings.shutdownGrace();
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(grace.toMillis());
        }
        if (hub != null) {
            hub.close(); // every WebSocket gets 1001 "server shutting down"
        }
        try {
            if (!inFlight.awaitIdle(grace)) {
                log.warn("Shutdown grace period over with {} request(s) still in flight", inFlight.count());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (blockingWork != null) {
            blockingWork.shutdownNow();
        }
        if (outboxCommits != null) {
            outboxCommits.shutdownNow();
        }
        if (tls != null) {
            tls.close();
        }
        connections.close().awaitUninterruptibly(grace.toMillis());
        if (outboxGauges != null) {
            outboxGauges.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (quota != null) {
            quota.close();
        }
        if (webhooks != null) {
            webhooks.close(); // before the journal: the dispatcher reads it
        }
        if (voice != null) {
            voice.close(); // before the journal: a running plan may still publish
        }
        if (journalPruner != null) {
            journalPruner.close();
        }
        if (journalReads != null) {
            journalReads.shutdownNow();
        }
        if (journal != null) {
            journal.close();
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly();
        }
        log.info("Callstack server stopped");
    }

    /**
     * One event loop per core unless configured: Netty's own default (twice the cores) buys nothing for a gateway
     * whose loops only frame HTTP and copy pre-encoded WebSocket frames, and each loop costs a thread stack and its
     * buffer caches on a 512 MB board.
     */
    static int ioThreads(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
