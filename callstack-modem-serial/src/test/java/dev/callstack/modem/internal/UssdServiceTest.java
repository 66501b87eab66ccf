package dev.callstack.modem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UssdServiceTest {

    @Test
    void sendAfterTheEngineClosedFailsTypedInsteadOfThrowingAndLeavesNoSession() {
        ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
        engine.shutdown();
        List<AtCommand> sent = new CopyOnWriteArrayList<>();
        try (EventBus events = new EventBus()) {
            UssdService ussd = new UssdService(command -> {
                sent.add(command);
                return CompletableFuture.<AtResponse>failedFuture(new ModemUnavailableException("modem closed"));
            }, engine, events, Clock.systemUTC(), () -> true, Runnable::run, new ActiveProfile());
            for (int i = 0; i < 2; i++) {
                CompletableFuture<?> result = ussd.send(UssdCode.of("*100#"), Duration.ofSeconds(5));
                assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(ModemUnavailableException.class);
            }
        }
        assertThat(sent).isEmpty();
    }
}
