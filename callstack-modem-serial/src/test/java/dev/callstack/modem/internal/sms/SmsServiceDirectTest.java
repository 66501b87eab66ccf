package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.ModemContext;
import dev.callstack.modem.internal.ModemStateHolder;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.store.SqliteMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service driven directly, for orderings the simulator cannot produce on demand. */
class SmsServiceDirectTest {
    private static final PhoneNumber TO = PhoneNumber.of("+4917212345678");
    private final AtomicBoolean connected = new AtomicBoolean(true);
    private final AtomicBoolean answerSends = new AtomicBoolean(true);
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EventBus events = new EventBus();
    private final AtChannel at = command -> {
        if (!connected.get()) {
            return CompletableFuture.failedFuture(new ModemUnavailableException("modem disconnected"));
        }
        commands.add(command.text());
        if (command.text().startsWith("AT+CMGS=") && !answerSends.get()) {
            return new CompletableFuture<>();
        }
        List<String> lines = command.text().startsWith("AT+CMGS=") ? List.of("+CMGS: 7") : List.of();
        return CompletableFuture.completedFuture(new AtResponse(lines, "OK"));
    };
    private final SmsService service = new SmsService(
            new ModemContext(at, events, Clock.systemUTC(), scheduler, Runnable::run, connected::get,
                    new ModemStateHolder()),
            SqliteMessageStore.inMemory(), true, SmsSettings.defaults().withSendTimeout(Duration.ofMillis(300)));

    @AfterEach
    void tearDown() {
        service.close();
        scheduler.shutdownNow();
        events.close();
    }

    @Test
    void connectHookRunningAfterItsConnectionDroppedDoesNotOpenTheGateOfTheNextConnection() {
        // The link drops between ModemConnected and the connect hook, so the hook runs on a dead connection.
        connected.set(false);
        service.onDisconnected("link lost");
        service.onConnected();
        // Reconnected; this connection's hook (AT+CMGF=0) has not run yet, so a send must not go out.
        connected.set(true);

        assertThatThrownBy(() -> service.send(TO, "early").get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(ModemUnavailableException.class);
        assertThat(commands).noneMatch(c -> c.startsWith("AT+CMGS"));
    }

    @Test
    void sendsStillQueuedWhenCloseGivesUpAreFailedNotLeftHanging() {
        service.onConnected();
        answerSends.set(false);
        CompletableFuture<SmsSendResult> first = service.send(TO, "stuck");
        await().until(() -> commands.stream().anyMatch(c -> c.startsWith("AT+CMGS")));
        CompletableFuture<SmsSendResult> second = service.send(TO, "queued behind it");

        service.close();

        assertThat(first).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ModemUnavailableException.class);
        assertThat(second).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ModemUnavailableException.class);
    }
}
