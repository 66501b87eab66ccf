package dev.callstack.modem.internal;

import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.at.AtChannel;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What a service built on the engine gets.
 *
 * @param at        the command channel (plain commands, PDU reads, the {@code AT+CMGS} prompt flow via
 *                  {@code AtCommand.withPrompt}); its futures complete on the engine thread
 * @param events    the modem's bus
 * @param clock     the configured clock
 * @param scheduler the engine's scheduler, for timers (never block in its tasks)
 * @param callbacks where public futures should be completed ({@code ForkJoinPool.commonPool()})
 * @param ready     true while the modem is connected and initialised
 * @param state     the modem state
 * @param settingsLost tells the lifecycle that a setting the init made is gone (the modem restarted without the
 *                  link dropping): the whole init runs again; must not block
 */
public record ModemContext(AtChannel at, EventBus events, Clock clock, ScheduledExecutorService scheduler,
                           Executor callbacks, BooleanSupplier ready, ModemStateHolder state, Runnable settingsLost) {
    public ModemContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(settingsLost, "settingsLost");
    }

    /**
     * A context whose lost-setting reports go nowhere (tests of a service alone).
     *
     * @param at        the command channel
     * @param events    the modem's bus
     * @param clock     the configured clock
     * @param scheduler the engine's scheduler
     * @param callbacks where public futures should be completed
     * @param ready     true while the modem is connected and initialised
     * @param state     the modem state
     */
    public ModemContext(AtChannel at, EventBus events, Clock clock, ScheduledExecutorService scheduler,
                        Executor callbacks, BooleanSupplier ready, ModemStateHolder state) {
        this(at, events, clock, scheduler, callbacks, ready, state, () -> { });
    }
}
