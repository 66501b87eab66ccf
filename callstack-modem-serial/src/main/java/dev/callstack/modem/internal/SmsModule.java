package dev.callstack.modem.internal;

import dev.callstack.core.Outbox;
import dev.callstack.core.SmsApi;
import dev.callstack.modem.internal.urc.SmsUrc;

/**
 * The SMS service's hooks into a {@link dev.callstack.modem.SerialModem} (built by a {@link SmsModuleFactory}).
 * The default module ({@link UnavailableSmsModule}) rejects sends and logs notifications without content.
 */
public interface SmsModule {

    /** What {@code SerialModem.sms()} returns. */
    SmsApi api();

    /** What {@code SerialModem.outbox()} returns; modules without a durable store have none. */
    default Outbox outbox() {
        throw new UnsupportedOperationException("this modem's message store has no outbox");
    }

    /**
     * An SMS notification ({@code +CMTI}, {@code +CMT}+PDU, {@code +CDSI}, {@code +CDS}+PDU). Called on the engine
     * thread, in arrival order: must not block (queue the work, e.g. {@code AtChannel.execute(...)} and react in a
     * non-blocking stage or on your own executor).
     */
    void onSmsUrc(SmsUrc urc);

    /**
     * Called after every successful (re)connect, once init has completed and {@code ModemConnected} has been
     * published, on the modem's lifecycle worker thread. May block (e.g. run {@code AT+CMGF=0}, {@code AT+CNMI},
     * the storage sweep, waiting with {@code get()}); the next reconnect waits for it to return.
     */
    void onConnected();

    /** The link went away (or the modem closed); pending commands have already failed. Must not block. */
    void onDisconnected(String reason);

    /**
     * The modem said its SMS service is ready ({@code SMS Ready}, {@code +QIND: SMS DONE}): an SMS init that failed
     * because it was not ready yet is retried now. Called on the engine thread: must not block.
     */
    default void onSmsReady() {
    }

    /** The modem is closing (after {@link #onDisconnected}): stop threads, release what the module owns. */
    default void close() {
    }
}
