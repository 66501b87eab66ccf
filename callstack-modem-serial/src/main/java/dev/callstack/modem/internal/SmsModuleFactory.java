package dev.callstack.modem.internal;

/** Builds the SMS module once per {@link dev.callstack.modem.SerialModem}, with the engine it runs on. */
@FunctionalInterface
public interface SmsModuleFactory {
    SmsModule create(ModemContext context);
}
