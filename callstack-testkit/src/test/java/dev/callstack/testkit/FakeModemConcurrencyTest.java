package dev.callstack.testkit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeModemConcurrencyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int THREADS = 4;
    private static final int PER_THREAD = 250;
    private static final int TOTAL = THREADS * PER_THREAD;

    private final FakeModem modem = new FakeModem();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), SECONDS)).isTrue();
        modem.close();
    }

    private void onEveryThread(Runnable perThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(pool.submit(() -> {
                start.await();
                perThread.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get(WAIT.toSeconds(), SECONDS);
        }
    }

    @Test
    void concurrentSendsGetDistinctMessageIdsAndAreAllPublished() throws Exception {
        List<SmsSent> published = new CopyOnWriteArrayList<>();
        modem.events().subscribe(SmsSent.class, published::add);
        PhoneNumber to = PhoneNumber.of("+15550100100");

        onEveryThread(() -> {
            for (int i = 0; i < PER_THREAD; i++) {
                modem.sms().send(to, "m").join();
            }
        });

        assertThat(modem.sentSms()).hasSize(TOTAL);
        assertThat(modem.sentMessages()).extracting(SmsSendResult::messageId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, TOTAL).boxed().toList());
        await().atMost(WAIT).untilAsserted(() -> assertThat(published).hasSize(TOTAL));
        assertThat(published).extracting(SmsSent::messageId).doesNotHaveDuplicates();
    }

    @Test
    void concurrentInboundMessagesAreAllStoredWithDistinctIds() throws Exception {
        List<ModemEvent> published = new CopyOnWriteArrayList<>();
        modem.events().subscribe(ModemEvent.class, published::add);

        onEveryThread(() -> {
            for (int i = 0; i < PER_THREAD; i++) {
                modem.receiveSms("DUO", "m");
            }
        });

        assertThat(modem.sms().received(500, OptionalLong.empty())).hasSize(500);
        assertThat(modem.sms().received(500, OptionalLong.of(501))).hasSize(500);
        await().atMost(WAIT).untilAsserted(() -> assertThat(published).hasSize(TOTAL));
        assertThat(published).map(event -> ((SmsReceived) event).messageId())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, TOTAL).boxed().toList());
    }
}
