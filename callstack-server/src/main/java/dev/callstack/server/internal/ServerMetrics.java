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
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics, fed by an inline EventBus subscriber (counting never blocks) and by the HTTP
 * layer. Label values come from closed sets only (route paths, status classes, enum names) — never PII.
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

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.builder()
            .setIncludeCreatedTimestamps(false).build();
    private final Counter smsReceived;
    private final Counter smsSent;
    private final Counter deliveryReports;
    private final Gauge activeCalls;
    private final Gauge signalRssi;
    private final Gauge signalBer;
    private final Counter disconnects;
    private final Counter reconnects;
    private final Counter ussdResponses;
    private final Counter httpRequests;
    private final Counter authFailures;
    private final Counter refusals;
    private final Counter connectionsRejected;
    private final Counter webhookAttempts;
    private final Counter outboxMessages;
    private final AtomicBoolean seenDisconnect = new AtomicBoolean();
    private final Subscription subscription;

    ServerMetrics(EventBus bus, Supplier<ModemStatus> modemStatus, LongSupplier uptimeSeconds,
                  RealtimeStats realtime) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(modemStatus, "modemStatus");
        Objects.requireNonNull(uptimeSeconds, "uptimeSeconds");
        Objects.requireNonNull(realtime, "realtime");
        GaugeWithCallback.builder().name("callstack_uptime_seconds").help("Seconds since the server started")
                .callback(cb -> cb.call((double) uptimeSeconds.getAsLong())).register(registry);
        smsReceived = counter().name("callstack_sms_received").help("Inbound SMS received")
                .register(registry);
        smsSent = counter().name("callstack_sms_sent").help("SMS accepted by the network")
                .register(registry);
        deliveryReports = counter().name("callstack_sms_delivery_reports")
                .help("Delivery reports by status").labelNames("status").register(registry);
        activeCalls = gauge().name("callstack_calls_active").help("Calls in progress (0 or 1)")
                .register(registry);
        signalRssi = gauge().name("callstack_signal_rssi").help("Last signal RSSI (0-31, 99 unknown)")
                .register(registry);
        signalBer = gauge().name("callstack_signal_ber").help("Last bit error rate (0-7, 99 unknown)")
                .register(registry);
        disconnects = counter().name("callstack_modem_disconnects").help("Modem disconnections")
                .register(registry);
        reconnects = counter().name("callstack_modem_reconnects")
                .help("Modem reconnections after a disconnection").register(registry);
        ussdResponses = counter().name("callstack_ussd_responses").help("USSD replies by status")
                .labelNames("status").register(registry);
        IntSupplier clients = realtime::clients;
        GaugeWithCallback.builder().name("callstack_websocket_clients").help("Connected WebSocket clients")
                .callback(cb -> cb.call(clients.getAsInt())).register(registry);
        CounterWithCallback.builder().name("callstack_websocket_envelopes_sent")
                .help("Realtime messages handed to WebSocket clients")
                .callback(cb -> cb.call((double) realtime.sent())).register(registry);
        CounterWithCallback.builder().name("callstack_websocket_envelopes_dropped")
                .help("Realtime events dropped for slow WebSocket clients")
                .callback(cb -> cb.call((double) realtime.dropped())).register(registry);
        modemHealth(modemStatus);
        httpRequests = counter().name("callstack_http_requests").help("HTTP requests by route and status")
                .labelNames("route", "status").register(registry);
        authFailures = counter().name("callstack_auth_failures").help("Rejected authentications by reason")
                .labelNames("reason").register(registry);
        refusals = counter().name("callstack_http_refusals")
                .help("Requests refused from their head (host, origin, content type, size, timeout) by reason")
                .labelNames("reason").register(registry);
        connectionsRejected = counter().name("callstack_http_connections_rejected")
                .help("Connections closed at once because the connection limit was reached").register(registry);
        webhookAttempts = counter().name("callstack_webhook_deliveries")
                .help("Webhook delivery attempts by result (delivered, failed and retried, dead-lettered)")
                .labelNames("result").register(registry);
        for (WebhookDeliveryStatus result : List.of(WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED,
                WebhookDeliveryStatus.DEAD)) {
            webhookAttempts.labelValues(result.wireName());
        }
        outboxMessages = counter().name("callstack_outbox_messages")
                .help("Outbox messages committed (queued) and finished by result (sent, failed, expired, unknown,"
                        + " partially_sent)")
                .labelNames("result").register(registry);
        for (OutboxStatus result : List.of(OutboxStatus.QUEUED, OutboxStatus.SENT, OutboxStatus.FAILED,
                OutboxStatus.EXPIRED, OutboxStatus.UNKNOWN, OutboxStatus.PARTIALLY_SENT)) {
            outboxMessages.labelValues(WireViews.wireName(result));
        }
        for (String reason : REFUSAL_REASONS) {
            refusals.labelValues(reason);
        }
        // Known label values start at 0, so dashboards and alerts see the series before the first increment.
        for (String reason : AUTH_FAILURE_REASONS) {
            authFailures.labelValues(reason);
        }
        for (DeliveryStatus status : DeliveryStatus.values()) {
            deliveryReports.labelValues(WireViews.wireName(status));
        }
        subscription = bus.subscribe(ModemEvent.class, this::onEvent, Delivery.inline());
    }

    /** The modem's own health counters and registration, read from {@link ModemStatus} at scrape time. */
    private void modemHealth(Supplier<ModemStatus> status) {
        CounterWithCallback.builder().name("callstack_modem_restarts")
                .help("Modem restarts under a live link, each followed by a fresh initialisation")
                .callback(cb -> cb.call(status.get().modem().restarts())).register(registry);
        CounterWithCallback.builder().name("callstack_modem_flood_disconnects")
                .help("Links dropped because the modem sent more than could be framed")
                .callback(cb -> cb.call((double) status.get().modem().floodDisconnects())).register(registry);
        CounterWithCallback.builder().name("callstack_sms_undecodable")
                .help("Undecodable PDUs kept in the store and deleted from the modem")
                .callback(cb -> cb.call((double) status.get().sms().undecodable())).register(registry);
        // One series per registration value, 1 for the current one: alerts need no value mapping.
        GaugeWithCallback.builder().name("callstack_network_registration")
                .help("Network registration: 1 for the current state, 0 for the others").labelNames("registration")
                .callback(cb -> {
                    Registration current = status.get().network().registration();
                    for (Registration registration : Registration.values()) {
                        cb.call(registration == current ? 1 : 0, WireViews.wireName(registration));
                    }
                }).register(registry);
    }

    /** The event journal's figures, read at scrape time (cached by the journal: no query per scrape). */
    void journal(LongSupplier lastId, LongSupplier oldestId, LongSupplier size, LongSupplier appendFailures) {
        GaugeWithCallback.builder().name("callstack_journal_last_id").help("Newest event id in the event journal")
                .callback(cb -> cb.call((double) lastId.getAsLong())).register(registry);
        GaugeWithCallback.builder().name("callstack_journal_oldest_id")
                .help("Oldest event id the event journal keeps (0 when empty)")
                .callback(cb -> cb.call((double) oldestId.getAsLong())).register(registry);
        GaugeWithCallback.builder().name("callstack_journal_events").help("Events the event journal keeps")
                .callback(cb -> cb.call((double) size.getAsLong())).register(registry);
        CounterWithCallback.builder().name("callstack_journal_append_failures")
                .help("Events that could not be stored in the journal (they still went to live clients)")
                .callback(cb -> cb.call((double) appendFailures.getAsLong())).register(registry);
    }

    void recordHttp(String routeLabel, int status) {
        httpRequests.labelValues(routeLabel, (status / 100) + "xx").inc();
    }

    void recordAuthFailure(String reason) {
        authFailures.labelValues(reason).inc();
    }

    /** A request refused before authentication; {@code reason} is one of a fixed set. */
    void recordRefusal(String reason) {
        refusals.labelValues(reason).inc();
    }

    /** One webhook attempt ended with {@code result}. */
    void recordWebhook(WebhookDeliveryStatus result) {
        webhookAttempts.labelValues(result.wireName()).inc();
    }

    /** The outbox's backlog gauges, read at scrape time from the figures {@code gauges} refreshes on its timer. */
    void outboxBacklog(OutboxBacklogGauges gauges) {
        GaugeWithCallback.builder().name("callstack_outbox_pending")
                .help("Outbox messages not yet in a final state (queued or sending)")
                .callback(cb -> cb.call((double) gauges.pending())).register(registry);
        GaugeWithCallback.builder().name("callstack_outbox_oldest_pending_age_seconds")
                .help("Age of the oldest queued or sending outbox message; 0 when none is pending")
                .callback(cb -> cb.call(gauges.oldestPendingAgeSeconds())).register(registry);
    }

    /** The webhook gauges, read at scrape time from the figures the dispatcher refreshes (no query here). */
    void webhooks(Webhooks webhooks) {
        GaugeWithCallback.builder().name("callstack_webhook_queue_depth")
                .help("Webhook deliveries waiting for an attempt (pending or failed and retrying)")
                .callback(cb -> cb.call((double) webhooks.stats().waiting())).register(registry);
        GaugeWithCallback.builder().name("callstack_webhook_oldest_pending_age_seconds")
                .help("Age of the oldest waiting webhook delivery; 0 when none waits")
                .callback(cb -> {
                    long oldest = webhooks.stats().oldestWaitingMs();
                    cb.call(oldest == 0 ? 0 : Math.max(0, webhooks.nowMs() - oldest) / 1000.0);
                }).register(registry);
        GaugeWithCallback.builder().name("callstack_webhook_subscriptions_disabled")
                .help("Webhook subscriptions disabled after failing continuously")
                .callback(cb -> cb.call((double) webhooks.stats().disabled())).register(registry);
    }

    void recordConnectionRejected() {
        connectionsRejected.inc();
    }

    /** The Prometheus text exposition. */
    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    private void onEvent(ModemEvent event) {
        if (event instanceof SmsReceived) {
            smsReceived.inc();
        } else if (event instanceof SmsSent sent) {
            smsSent.inc();
            if (sent.messageId() != null) {
                outboxMessages.labelValues(WireViews.wireName(OutboxStatus.SENT)).inc();
            }
        } else if (event instanceof SmsQueued) {
            outboxMessages.labelValues(WireViews.wireName(OutboxStatus.QUEUED)).inc();
        } else if (event instanceof SmsFailed failed) {
            outboxMessages.labelValues(WireViews.wireName(failed.status())).inc();
        } else if (event instanceof SmsDeliveryReport report) {
            deliveryReports.labelValues(WireViews.wireName(report.status())).inc();
        } else if (event instanceof CallStateChanged change) {
            CallState state = change.state();
            activeCalls.set(state == CallState.ACTIVE || state == CallState.HELD ? 1 : 0);
        } else if (event instanceof SignalQuality signal) {
            signalRssi.set(signal.rssi());
            signalBer.set(signal.ber());
        } else if (event instanceof ModemDisconnected) {
            seenDisconnect.set(true);
            disconnects.inc();
        } else if (event instanceof ModemConnected) {
            if (seenDisconnect.getAndSet(false)) {
                reconnects.inc();
            }
        } else if (event instanceof UssdResponse ussd) {
            ussdResponses.labelValues(Integer.toString(ussd.status())).inc();
        }
    }

    /**
     * Metrics without exemplars: an exemplar ties a sample to a trace, there is no tracing here, and sampling them
     * starts Prometheus's scheduler thread and costs a span lookup per increment.
     */
    private static Counter.Builder counter() {
        return Counter.builder().withoutExemplars();
    }

    private static Gauge.Builder gauge() {
        return Gauge.builder().withoutExemplars();
    }

    /** Stops counting events. */
    @Override
    public void close() {
        subscription.close();
    }
}
