package dev.callstack.server;

import dev.callstack.core.Outbox;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsApi;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.testkit.FakeModem;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A modem that is {@code fake} in everything but its SMS API, for tests that need one SMS behaviour changed. */
final class ModemWithSms extends ForwardingModem {
    private final SmsApi sms;

    ModemWithSms(FakeModem fake, SmsApi sms) {
        super(fake);
        this.sms = Objects.requireNonNull(sms, "sms");
    }

    @Override
    public SmsApi sms() {
        return sms;
    }

    /** None: the fake's outbox would bypass the changed SMS API, so the server falls back to the synchronous send. */
    @Override
    public Outbox outbox() {
        throw new UnsupportedOperationException("no outbox");
    }

    /** An SMS API that forwards every call to {@code delegate}; override the one that should differ. */
    static class Forwarding implements SmsApi {
        private final SmsApi delegate;

        Forwarding(SmsApi delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public CompletableFuture<SmsSendResult> send(OutgoingSms sms) {
            return delegate.send(sms);
        }

        @Override
        public List<StoredSms> received(int limit, OptionalLong beforeId) {
            return delegate.received(limit, beforeId);
        }

        @Override
        public List<StoredDeliveryReport> deliveryReports(int limit) {
            return delegate.deliveryReports(limit);
        }
    }
}
