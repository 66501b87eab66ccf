package dev.callstack.core;

import dev.callstack.core.event.EventBus;

/**
 * A GSM/LTE modem: its events, its state, and what it can do (SMS, USSD, voice calls).
 *
 * <p>Operations return futures that fail with a {@link CallstackException} subtype: {@link InvalidRequestException},
 * {@link ModemTimeoutException}, {@link ModemUnavailableException} or {@link ModemRejectedException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Modem extends AutoCloseable {

    /** Where this modem publishes its events; it lives as long as the modem. */
    EventBus events();

    /** What is known about the modem right now. */
    ModemState state();

    SmsApi sms();

    UssdApi ussd();

    CallApi calls();

    /** Releases the link and every thread; pending operations fail with {@link ModemUnavailableException}. */
    @Override
    void close();
}
