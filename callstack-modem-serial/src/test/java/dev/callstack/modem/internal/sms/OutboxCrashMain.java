package dev.callstack.modem.internal.sms;

import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.SerialModemTestHooks;
import dev.callstack.modem.store.SqliteMessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The forked JVM of {@link OutboxKillTest}: a SerialModem with the outbox on a SQLite file, against the simulator
 * on {@code tcp://127.0.0.1:<port>} in the test's JVM. Modes:
 * <ul>
 *   <li>{@code enqueue}: commits the messages without ever connecting, says READY and waits to be killed;</li>
 *   <li>{@code send}: connects, commits the messages, says READY and waits to be killed;</li>
 *   <li>{@code halt-after-answer}: as {@code send}, but halts the JVM (as kill -9 would) right after the first
 *       {@code +CMGS:} answer, before its reference is recorded;</li>
 *   <li>{@code drain}: connects, waits until nothing is queued or sending, says DRAINED and exits.</li>
 * </ul>
 * Prints lines starting with {@link #MARK}; never logs numbers or bodies itself.
 */
public final class OutboxCrashMain {
    static final String MARK = "OUTBOX-MAIN ";
    static final String TO = "+4915112345678";

    private OutboxCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String mode = args[2];
        int count = Integer.parseInt(args[3]);
        Runnable afterAnswer = "halt-after-answer".equals(mode) ? () -> Runtime.getRuntime().halt(3) : () -> { };
        SqliteMessageStore store = SqliteMessageStore.open(file);
        SerialModemConfig config = SerialModemConfig.builder("tcp://127.0.0.1:" + port)
                .commandTimeout(Duration.ofSeconds(10))
                .signalPollInterval(Duration.ofHours(1))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .build();
        SmsSettings settings = SmsSettings.defaults().withSendTimeout(Duration.ofSeconds(60)).withSendRate(0);
        SerialModem modem = SerialModemTestHooks.sms(SerialModem.builder(config), context -> new SmsService(context,
                store, false, settings, 1024, Duration.ofMillis(200), Duration.ofSeconds(30), afterAnswer)).build();
        Outbox outbox = modem.outbox();
        if (!"enqueue".equals(mode)) {
            modem.start();
        }
        for (int i = 1; i <= count; i++) {
            long id = outbox.enqueue(OutboxRequest.of(OutgoingSms.of(PhoneNumber.of(TO), "msg-" + i)))
                    .entry().messageId();
            say("QUEUED " + id);
        }
        if ("drain".equals(mode)) {
            for (OutboxEntry entry : outbox.list(null, Outbox.MAX_PAGE, OptionalLong.empty())) {
                var unused = outbox.awaitFinal(entry.messageId()).get(60, TimeUnit.SECONDS);
            }
            say("DRAINED");
            modem.close();
            store.close();
            System.exit(0);
        }
        say("READY");
        waitForKill();
    }

    private static void say(String line) {
        System.out.println(MARK + line);
        System.out.flush();
    }

    private static void waitForKill() throws IOException {
        // Stdin stays open until the test kills this JVM.
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }
}
