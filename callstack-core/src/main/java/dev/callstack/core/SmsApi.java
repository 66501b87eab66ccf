package dev.callstack.core;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** SMS on a {@link Modem}. Thread-safe. */
public interface SmsApi {
    int MAX_PAGE = 500;

    /** Sends a text; completes when every part has a network reference. */
    CompletableFuture<SmsSendResult> send(OutgoingSms sms);

    default CompletableFuture<SmsSendResult> send(PhoneNumber to, String body) {
        return send(OutgoingSms.of(to, body));
    }

    /**
     * Stored inbound messages, newest first.
     *
     * @param limit    1–{@value #MAX_PAGE}
     * @param beforeId only messages with a smaller id (paging), or empty for the newest
     */
    List<StoredSms> received(int limit, OptionalLong beforeId);

    /** Stored delivery reports, newest first; {@code limit} 1–{@value #MAX_PAGE}. */
    List<StoredDeliveryReport> deliveryReports(int limit);
}
