package dev.callstack.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.core.Modem;
import dev.callstack.core.Redaction;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code GET /sms/delivery-reports?limit=}: stored delivery reports, newest first. Thread-safe. */
final class DeliveryReportsRoute implements Route {
    private final Modem modem;

    DeliveryReportsRoute(Modem modem) {
        this.modem = Objects.requireNonNull(modem, "modem");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        int limit = QueryParams.intInRange(request.query("limit"), SmsMessagesRoute.DEFAULT_LIMIT, 1,
                SmsApi.MAX_PAGE, "invalid 'limit'");
        List<StoredDeliveryReport> reports;
        try {
            reports = modem.sms().deliveryReports(limit);
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(SmsMessagesRoute.ERRORS.replyOrRethrow(failure));
        }
        boolean content = request.caller().content();
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("delivery_reports");
        for (StoredDeliveryReport report : reports) {
            ObjectNode item = items.addObject()
                    .put("id", report.id())
                    .put("reference", report.reference())
                    .put("recipient", content ? report.recipient() : Redaction.phone(report.recipient()))
                    .put("status", report.status().name().toLowerCase(Locale.ROOT))
                    .put("timestamp", report.timestamp().toString());
            item.put("message_id", report.messageId());
        }
        return CompletableFuture.completedFuture(HttpReply.json(200, Json.bytes(json)));
    }
}
