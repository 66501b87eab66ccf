package dev.callstack.server.internal;

import dev.callstack.core.ModemStatus;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.Registration;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.Subscription;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.realtime.WireViews;
import dev.callstack.server.internal.webhook.WebhookDeliveryStatus;
import dev.callstack.server.internal.webhook.Webhooks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's metrics, fed by an inline EventBus subscriber (counting never blocks) and by the HTTP layer, and
 * exposed in Prometheus's format. Counted in plain Java ({@link LabelledCounter}, gauges read at scrape time); the
 * Prometheus library is only loaded by the first scrape ({@link PrometheusExposition}), so a server nobody scrapes
 * carries none of it. Label values come from closed sets only (route paths, status classes, enum names) — never PII.
 *
 * <p>Thread-safe.
 */
final class ServerMetrics implements AutoCloseable {
    /** Live realtime figures the metrics read at scrape time. */
    interface RealtimeStats {
        int clients();

        long sent();

        long dropped();
    }

    static final String AUTH_MISSING = "missing_or_malformed";
    static final String AUTH_INVALID = "invalid_key";
    static final String AUTH_BLOCKED = "too_many_failures";
    private static final List<String> AUTH_FAILURE_REASONS = List.of(AUTH_MISSING, AUTH_INVALID, AUTH_BLOCKED);
    private static final List<String> REFUSAL_REASONS = Stream.concat(
            CrossSitePolicy.REASONS.stream(),
            Stream.of(RequestHeaderGate.REASON_HEADERS_TOO_LARGE, RequestDeadline.REASON)).toList();

    private final List<MetricFamily> families = new CopyOnWriteArrayList<>();
    private final LabelledCounter smsReceived;
    private final LabelledCounter smsSent;
    private final LabelledCounter deliveryReports;
    private volatile double activeCalls;
    private volatile double signalRssi;
    private volatile double signalBer;
    private final LabelledCounter disconnects;
    private final LabelledCounter reconnects;
    private final LabelledCounter ussdResponses;
    private final LabelledCounter httpRequests;
    private final LabelledCounter authFailures;
    private final LabelledCounter refusals;
    private final LabelledCounter connectionsRejected;
    private final LabelledCounter webhookAttempts;
    private final LabelledCounter outboxMessages;
    private volatile PrometheusExposition exposition;
    private final AtomicBoolean seenDisconnect = new AtomicBoolean();
    private final Subscription subscription;

    ServerMetrics(EventBus bus, Supplier<ModemStatus> modemStatus, LongSupplier uptimeSeconds,
                  RealtimeStats realtime) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(modemStatus, "modemStatus");
        Objects.requireNonNull(uptimeSeconds, "uptimeSeconds");
        Objects.requireNonNull(realtime, "realtime");
        gauge("callstack_uptime_seconds", "Seconds since the server started", uptimeSeconds::getAsLong);
        smsReceived = counter("callstack_sms_received", "Inbound SMS received");
        smsSent = counter("callstack_sms_sent", "SMS accepted by the network");
        deliveryReports = counter("callstack_sms_delivery_reports", "Delivery reports by status", "status");
        gauge("callstack_calls_active", "Calls in progress (0 or 1)", () -> activeCalls);
        gauge("callstack_signal_rssi", "Last signal RSSI (0-31, 99 unknown)", () -> signalRssi);
        gauge("callstack_signal_ber", "Last bit error rate (0-7, 99 unknown)", () -> signalBer);
        disconnects = counter("callstack_modem_disconnects", "Modem disconnections");
        reconnects = counter("callstack_modem_reconnects", "Modem reconnections after a disconnection");
        ussdResponses = counter("callstack_ussd_responses", "USSD replies by status", "status");
        gauge("callstack_websocket_clients", "Connected WebSocket clients", realtime::clients);
        counterReading("callstack_websocket_envelopes_sent", "Realtime messages handed to WebSocket clients",
                realtime::sent);
        counterReading("callstack_websocket_envelopes_dropped", "Realtime events dropped for slow WebSocket clients",
                realtime::dropped);
        modemHealth(modemStatus);
        httpRequests = counter("callstack_http_requests", "HTTP requests by route and status", "route", "status");
        authFailures = counter("callstack_auth_failures", "Rejected authentications by reason", "reason");
        refusals = counter("callstack_http_refusals",
                "Requests refused from their head (host, origin, content type, size, timeout) by reason", "reason");
        connectionsRejected = counter("callstack_http_connections_rejected",
                "Connections closed at once because the connection limit was reached");
        webhookAttempts = counter("callstack_webhook_deliveries",
                "Webhook delivery attempts by result (delivered, failed and retried, dead-lettered)", "result");
        for (WebhookDeliveryStatus result : List.of(WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED,
                WebhookDeliveryStatus.DEAD)) {
            webhookAttempts.seed(result.wireName());
        }
        outboxMessages = counter("callstack_outbox_messages", "Outbox messages committed (queued) and finished by"
                + " result (sent, failed, expired, unknown, partially_sent)", "result");
        for (OutboxStatus result : List.of(OutboxStatus.QUEUED, OutboxStatus.SENT, OutboxStatus.FAILED,
                OutboxStatus.EXPIRED, OutboxStatus.UNKNOWN, OutboxStatus.PARTIALLY_SENT)) {
            outboxMessages.seed(WireViews.wireName(result));
        }
        for (String reason : REFUSAL_REASONS) {
            refusals.seed(reason);
        }
        // Known label values start at 0, so dashboards and alerts see the series before the first increment.
        for (String reason : AUTH_FAILURE_REASONS) {
            authFailures.seed(reason);
        }
        for (DeliveryStatus status : DeliveryStatus.values()) {
            deliveryReports.seed(WireViews.wireName(status));
        }
        subscription = bus.subscribe(ModemEvent.class, this::onEvent, Delivery.inline());
    }

    /** The modem's own health counters and registration, read from {@link ModemStatus} at scrape time. */
    private void modemHealth(Supplier<ModemStatus> status) {
        counterReading("callstack_modem_restarts",
                "Modem restarts under a live link, each followed by a fresh initialisation",
                () -> status.get().modem().restarts());
        counterReading("callstack_modem_flood_disconnects",
                "Links dropped because the modem sent more than could be framed",
                () -> status.get().modem().floodDisconnects());
        counterReading("callstack_sms_undecodable", "Undecodable PDUs kept in the store and deleted from the modem",
                () -> status.get().sms().undecodable());
        // One series per registration value, 1 for the current one: alerts need no value mapping.
        add(new MetricFamily("callstack_network_registration",
                "Network registration: 1 for the current state, 0 for the others", MetricFamily.Kind.GAUGE,
                List.of("registration"), sink -> {
                    Registration current = status.get().network().registration();
                    for (Registration registration : Registration.values()) {
                        sink.sample(registration == current ? 1 : 0, WireViews.wireName(registration));
                    }
                }));
    }

    /** The event journal's figures, read at scrape time (cached by the journal: no query per scrape). */
    void journal(LongSupplier lastId, LongSupplier oldestId, LongSupplier size, LongSupplier appendFailures) {
        gauge("callstack_journal_last_id", "Newest event id in the event journal", lastId::getAsLong);
        gauge("callstack_journal_oldest_id", "Oldest event id the event journal keeps (0 when empty)",
                oldestId::getAsLong);
        gauge("callstack_journal_events", "Events the event journal keeps", size::getAsLong);
        counterReading("callstack_journal_append_failures",
                "Events that could not be stored in the journal (they still went to live clients)",
                appendFailures::getAsLong);
    }

    void recordHttp(String routeLabel, int status) {
        httpRequests.inc(routeLabel, (status / 100) + "xx");
    }

    void recordAuthFailure(String reason) {
        authFailures.inc(reason);
    }

    /** A request refused before authentication; {@code reason} is one of a fixed set. */
    void recordRefusal(String reason) {
        refusals.inc(reason);
    }

    /** One webhook attempt ended with {@code result}. */
    void recordWebhook(WebhookDeliveryStatus result) {
        webhookAttempts.inc(result.wireName());
    }

    /** The outbox's backlog gauges, read at scrape time from the figures {@code gauges} refreshes on its timer. */
    void outboxBacklog(OutboxBacklogGauges gauges) {
        gauge("callstack_outbox_pending", "Outbox messages not yet in a final state (queued or sending)",
                gauges::pending);
        gauge("callstack_outbox_oldest_pending_age_seconds",
                "Age of the oldest queued or sending outbox message; 0 when none is pending",
                gauges::oldestPendingAgeSeconds);
    }

    /** The webhook gauges, read at scrape time from the figures the dispatcher refreshes (no query here). */
    void webhooks(Webhooks webhooks) {
        gauge("callstack_webhook_queue_depth", "Webhook deliveries waiting for an attempt (pending or failed and"
                + " retrying)", () -> webhooks.stats().waiting());
        gauge("callstack_webhook_oldest_pending_age_seconds",
                "Age of the oldest waiting webhook delivery; 0 when none waits", () -> {
                    long oldest = webhooks.stats().oldestWaitingMs();
                    return oldest == 0 ? 0 : Math.max(0, webhooks.nowMs() - oldest) / 1000.0;
                });
        gauge("callstack_webhook_subscriptions_disabled", "Webhook subscriptions disabled after failing continuously",
                () -> webhooks.stats().disabled());
    }

    void recordConnectionRejected() {
        connectionsRejected.inc();
    }

    /** The Prometheus text exposition; the first call loads the Prometheus library. */
    byte[] scrape() {
        PrometheusExposition current = exposition;
        if (current == null) {
            synchronized (this) {
                current = exposition;
                if (current == null) {
                    current = new PrometheusExposition();
                    exposition = current;
                }
            }
        }
        return current.scrape(families);
    }

    String contentType() {
        return PrometheusExposition.CONTENT_TYPE;
    }

    private void onEvent(ModemEvent event) {
        if (event instanceof SmsReceived) {
            smsReceived.inc();
        } else if (event instanceof SmsSent sent) {
            smsSent.inc();
            if (sent.messageId() != null) {
                outboxMessages.inc(WireViews.wireName(OutboxStatus.SENT));
            }
        } else if (event instanceof SmsQueued) {
            outboxMessages.inc(WireViews.wireName(OutboxStatus.QUEUED));
        } else if (event instanceof SmsFailed failed) {
            outboxMessages.inc(WireViews.wireName(failed.status()));
        } else if (event instanceof SmsDeliveryReport report) {
            deliveryReports.inc(WireViews.wireName(report.status()));
        } else if (event instanceof CallStateChanged change) {
            CallState state = change.state();
            activeCalls = state == CallState.ACTIVE || state == CallState.HELD ? 1 : 0;
        } else if (event instanceof SignalQuality signal) {
            signalRssi = signal.rssi();
            signalBer = signal.ber();
        } else if (event instanceof ModemDisconnected) {
            seenDisconnect.set(true);
            disconnects.inc();
        } else if (event instanceof ModemConnected) {
            if (seenDisconnect.getAndSet(false)) {
                reconnects.inc();
            }
        } else if (event instanceof UssdResponse ussd) {
            ussdResponses.inc(Integer.toString(ussd.status()));
        }
    }

    /** A counter the server counts itself; unlabelled ones are exposed at 0 from the start, as before any event. */
    private LabelledCounter counter(String name, String help, String... labelNames) {
        LabelledCounter counter = new LabelledCounter(labelNames.length);
        if (labelNames.length == 0) {
            counter.seed();
        }
        add(new MetricFamily(name, help, MetricFamily.Kind.COUNTER, List.of(labelNames), counter::read));
        return counter;
    }

    /** A counter whose total someone else keeps, read at scrape time. */
    private void counterReading(String name, String help, DoubleSupplier total) {
        add(new MetricFamily(name, help, MetricFamily.Kind.COUNTER, List.of(),
                sink -> sink.sample(total.getAsDouble())));
    }

    /** A gauge read at scrape time. */
    private void gauge(String name, String help, DoubleSupplier value) {
        add(new MetricFamily(name, help, MetricFamily.Kind.GAUGE, List.of(),
                sink -> sink.sample(value.getAsDouble())));
    }

    /**
     * Declares a family. A name declared twice is refused here, at start-up, rather than by the registry at the first
     * scrape (which would fail every scrape after it).
     */
    private void add(MetricFamily family) {
        if (families.stream().anyMatch(known -> known.name().equals(family.name()))) {
            throw new IllegalStateException("metric declared twice: " + family.name());
        }
        families.add(family);
    }

    /** Stops counting events. */
    @Override
    public void close() {
        subscription.close();
    }
}
