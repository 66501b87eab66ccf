package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /sms/delivery-reports?limit=}: stored delivery reports, newest first; each item is the report's
 * {@code id} followed by {@link WireViews}'s delivery report view, the one {@code sms.delivery_report} carries on
 * {@code /ws}. Thread-safe.
 */
final class DeliveryReportsRoute implements Route {
    private final Modem modem;

    DeliveryReportsRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        int limit = QueryParams.pageLimit(request.query("limit"));
        List<StoredDeliveryReport> reports;
        try {
            reports = modem.sms().deliveryReports(limit);
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(SmsMessagesRoute.ERRORS.replyOrRethrow(failure));
        }
        View view = request.caller().view();
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("delivery_reports");
            for (StoredDeliveryReport report : reports) {
                g.writeStartObject();
                g.writeNumberField("id", report.id());
                WireViews.writeDeliveryReport(g, report, view);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        return CompletableFuture.completedFuture(HttpReply.json(200, body));
    }
}
