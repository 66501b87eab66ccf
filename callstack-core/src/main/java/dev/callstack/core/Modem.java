package dev.callstack.core;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.voice.VoiceApi;

/**
 * A GSM/LTE modem: its events, its state, and what it can do (SMS, USSD, voice calls).
 *
 * <p>Operations return futures that fail with a {@link CallstackException} subtype: {@link InvalidRequestException},
 * {@link ModemTimeoutException}, {@link ModemUnavailableException} or {@link ModemRejectedException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Modem extends AutoCloseable {

    /**
     * Where this modem publishes its events; it lives as long as the modem.
     *
     * @return the modem's event bus; the same instance on every call
     */
    EventBus events();

    /**
     * What is known about the modem right now.
     *
     * @return a snapshot of the modem's state; never null
     */
    ModemState state();

    /**
     * Everything known about the modem, for status pages and diagnosis: device, SIM, network, SMS storage, counters.
     * The default derives what it can from {@link #state()}; modems that know more override it.
     *
     * @return a snapshot; never null
     */
    default ModemStatus status() {
        return ModemStatus.of(state());
    }

    /**
     * Sending SMS and reading the message store.
     *
     * @return the SMS operations of this modem; the same instance on every call
     */
    SmsApi sms();

    /**
     * The durable outbox: messages committed before they are sent, sent exactly once across restarts, with their
     * status. Modems without a message store have none.
     *
     * @return the outbox of this modem; the same instance on every call
     * @throws UnsupportedOperationException when this modem has no outbox (the default)
     */
    default Outbox outbox() {
        throw new UnsupportedOperationException("this modem has no outbox");
    }

    /**
     * USSD sessions (balance checks, operator menus).
     *
     * @return the USSD operations of this modem; the same instance on every call
     */
    UssdApi ussd();

    /**
     * Voice calls: dial, answer, hang up, DTMF.
     *
     * @return the call operations of this modem; the same instance on every call
     */
    CallApi calls();

    /**
     * Call audio: play, record, DTMF over the modem's audio port.
     *
     * @return the voice operations; the default has no audio port ({@link VoiceApi#absent()})
     */
    default VoiceApi voice() {
        return VoiceApi.absent();
    }

    /** Releases the link and every thread; pending operations fail with {@link ModemUnavailableException}. */
    @Override
    void close();
}
