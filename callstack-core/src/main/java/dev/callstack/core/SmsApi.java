package dev.callstack.core;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** SMS on a {@link Modem}. Thread-safe. */
public interface SmsApi {
    /** The largest page {@link #received} and {@link #deliveryReports} return; larger limits are refused. */
    int MAX_PAGE = 500;

    /**
     * Sends a text; completes when every part has a network reference.
     *
     * @param sms the message; not null
     * @return completes with the stored id and the parts' references, or fails with a {@code CallstackException}
     */
    CompletableFuture<SmsSendResult> send(OutgoingSms sms);

    /**
     * Sends {@code body} with the defaults of {@link OutgoingSms#of}: auto encoding, delivery report requested.
     *
     * @param to the recipient; not null
     * @param body the text; not empty
     * @return as {@link #send(OutgoingSms)}
     * @throws InvalidRequestException if {@code body} is empty
     */
    default CompletableFuture<SmsSendResult> send(PhoneNumber to, String body) {
        return send(OutgoingSms.of(to, body));
    }

    /**
     * Stored inbound messages, newest first.
     *
     * @param limit    1–{@value #MAX_PAGE}
     * @param beforeId only messages with a smaller id (paging), or empty for the newest
     * @return at most {@code limit} messages, newest first
     */
    List<StoredSms> received(int limit, OptionalLong beforeId);

    /**
     * Stored delivery reports, newest first.
     *
     * @param limit the page size, 1–{@value #MAX_PAGE}
     * @return at most {@code limit} reports, newest first
     */
    List<StoredDeliveryReport> deliveryReports(int limit);
}
