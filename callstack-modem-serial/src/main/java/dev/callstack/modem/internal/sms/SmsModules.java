package dev.callstack.modem.internal.sms;

import dev.callstack.core.store.MessageStore;
import dev.callstack.modem.internal.SmsModuleFactory;
import dev.callstack.modem.store.SqliteMessageStore;
import java.util.Objects;

/** How a {@code SerialModem} gets its SMS service. Stateless. */
public final class SmsModules {
    private SmsModules() {
    }

    /** The service on {@code store}, which the caller keeps owning (and closes after the modem). */
    public static SmsModuleFactory withStore(MessageStore store, SmsSettings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        return context -> new SmsService(context, store, false, settings);
    }

    public static SmsModuleFactory withStore(MessageStore store) {
        return withStore(store, SmsSettings.defaults());
    }

    /** The service on a private in-memory store that lives and dies with the modem (nothing survives a restart). */
    public static SmsModuleFactory inMemory() {
        return inMemory(SmsSettings.defaults());
    }

    /** As {@link #inMemory()}, with {@code settings}. */
    public static SmsModuleFactory inMemory(SmsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return context -> new SmsService(context, SqliteMessageStore.inMemory(), true, settings);
    }
}
