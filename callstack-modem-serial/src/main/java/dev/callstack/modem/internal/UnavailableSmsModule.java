package dev.callstack.modem.internal;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.modem.internal.urc.SmsUrc;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stand-in until the SMS service exists: sends fail, lists are empty, notifications are logged by kind only. Thread-safe. */
public final class UnavailableSmsModule implements SmsModule, SmsApi {
    private static final Logger log = LoggerFactory.getLogger(UnavailableSmsModule.class);

    @Override
    public SmsApi api() {
        return this;
    }

    @Override
    public void onSmsUrc(SmsUrc urc) {
        log.debug("SMS notification {} ignored: no SMS service", urc.getClass().getSimpleName());
    }

    @Override
    public void onConnected() {
    }

    @Override
    public void onDisconnected(String reason) {
    }

    @Override
    public CompletableFuture<SmsSendResult> send(OutgoingSms sms) {
        return CompletableFuture.failedFuture(new ModemRejectedException("SMS service not available"));
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        checkLimit(limit);
        return List.of();
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        checkLimit(limit);
        return List.of();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be 1.." + MAX_PAGE);
        }
    }
}
