package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.ModemContext;
import dev.callstack.modem.internal.ModemStateHolder;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.internal.urc.SmsUrc;
import dev.callstack.modem.store.SqliteMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbound queue turning notifications away: the inbound thread is held on one {@code AT+CMGR} while the engine
 * thread (the test) keeps notifying.
 */
class SmsInboundOverflowTest {
    private static final String FROM = "+4917298765432";
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final CompletableFuture<AtResponse> held = new CompletableFuture<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EventBus events = new EventBus();
    private String csms = "+CSMS: 1,1,1,1";
    private final AtChannel at = command -> {
        commands.add(command.text());
        if (command.text().equals("AT+CMGR=1")) {
            return held;
        }
        List<String> lines = command.text().equals("AT+CSMS?") ? List.of(csms) : List.of();
        return CompletableFuture.completedFuture(new AtResponse(lines, "OK"));
    };
    private SmsService service;

    @AfterEach
    void tearDown() {
        held.complete(new AtResponse(List.of(), "OK"));
        if (service != null) {
            service.close();
        }
        scheduler.shutdownNow();
        events.close();
    }

    private void startWithInboundQueueOf(int capacity) {
        // Maintenance far away: the catch-up must come from the queue draining, not from a timer.
        service = new SmsService(new ModemContext(at, events, Clock.systemUTC(), scheduler, Runnable::run,
                () -> true, new ModemStateHolder()), SqliteMessageStore.inMemory(), true,
                SmsSettings.defaults().withReassembly(Duration.ofHours(24), 256, Duration.ofHours(1)), capacity);
        service.onConnected();
        assertThat(sweeps()).isEqualTo(1);
        service.onSmsUrc(new SmsUrc.NewMessage("SM", 1));
        await().until(() -> commands.contains("AT+CMGR=1"));
        service.onSmsUrc(new SmsUrc.NewMessage("SM", 2));
        service.onSmsUrc(new SmsUrc.NewMessage("SM", 3));
    }

    @Test
    void directDeliveryTurnedAwayIsNotAcknowledgedAndIndicationsAreRestoredAfterwards() {
        startWithInboundQueueOf(2);

        service.onSmsUrc(new SmsUrc.DirectMessage(TestPdus.single(FROM, "only in memory"), 0));
        service.onSmsUrc(new SmsUrc.DirectStatusReport(TestPdus.statusReport(7, FROM, 0), 0));

        assertThat(service.counters().droppedDirect.get()).isEqualTo(2);
        assertThat(service.droppedNotifications()).isEqualTo(2);
        int before = commands.size();
        held.complete(new AtResponse(List.of(), "OK"));

        await().until(() -> sweeps() == 2);
        assertThat(commands.subList(before, commands.size())).containsSubsequence("AT+CMGR=2", "AT+CMGR=3",
                "AT+CMGF=0", "AT+CNMI=2,1,0,2,0", "AT+CMGL=4");
        assertThat(commands).doesNotContain("AT+CNMA");
    }

    @Test
    void storedNotificationTurnedAwayIsSweptOnceTheQueueHasDrained() {
        startWithInboundQueueOf(2);

        service.onSmsUrc(new SmsUrc.NewMessage("SM", 4));
        service.onSmsUrc(new SmsUrc.StatusReportStored("SR", 5));

        assertThat(service.counters().droppedAnnounced.get()).isEqualTo(2);
        assertThat(service.droppedNotifications()).isEqualTo(2);
        int before = commands.size();
        held.complete(new AtResponse(List.of(), "OK"));

        await().until(() -> sweeps() == 2);
        List<String> after = commands.subList(before, commands.size());
        assertThat(after).containsSubsequence("AT+CMGR=2", "AT+CMGR=3", "AT+CMGL=4");
        // Nothing direct was dropped: no reason to redo the init.
        assertThat(after).doesNotContain("AT+CMGF=0");
        assertThat(after).doesNotContain("AT+CMGR=4");
    }

    @Test
    void directDeliveryTurnedAwayOnAModemWithoutAcknowledgementsIsCountedAsLost() {
        csms = "+CSMS: 0,1,1,1";
        startWithInboundQueueOf(2);

        service.onSmsUrc(new SmsUrc.DirectMessage(TestPdus.single(FROM, "gone"), 0));

        assertThat(service.droppedNotifications()).isEqualTo(1);
        held.complete(new AtResponse(List.of(), "OK"));
        await().until(() -> sweeps() == 2);
        assertThat(commands).doesNotContain("AT+CNMA");
    }

    private long sweeps() {
        return commands.stream().filter("AT+CMGL=4"::equals).count();
    }
}
