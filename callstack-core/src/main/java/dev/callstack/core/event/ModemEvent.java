package dev.callstack.core.event;

import java.time.Instant;

/**
 * Every public event a modem reports. Subscribe to this root type on the {@link EventBus} to receive all of them.
 *
 * <p>Records only: immutable and thread-safe.
 */
public sealed interface ModemEvent
        permits SmsReceived, SmsQueued, SmsSent, SmsFailed, SmsDeliveryReport, CallStateChanged, CallRing, CallerId, DtmfReceived,
                ModemConnected, ModemDisconnected, SignalQuality, NetworkRegistrationChanged, UssdResponse, VoicemailRecorded,
                IvrOptionChosen {

    /**
     * When the event was observed by Callstack (not the network's timestamp).
     *
     * @return the observation instant; never null
     */
    Instant timestamp();
}
