package dev.callstack.modem;

import dev.callstack.modem.internal.SmsModuleFactory;

/**
 * Reaches {@link SerialModem.Builder}'s package-private test hooks from tests in other packages. Lives in the test
 * tree only, so the published API never names an internal type.
 */
public final class SerialModemTestHooks {
    private SerialModemTestHooks() {
    }

    /** {@code builder.sms(factory)}: runs the modem with a test's own SMS module. */
    public static SerialModem.Builder sms(SerialModem.Builder builder, SmsModuleFactory factory) {
        return builder.sms(factory);
    }
}
