package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server's periodic jobs share one housekeeping thread; a closed job never runs again. */
class HousekeepingTaskTest {

    @Test
    void tasksRunAtOnceOnOneSharedThreadAndRunSoonAddsARun() {
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        try (HousekeepingTask a = new HousekeepingTask(() -> first.set(Thread.currentThread()))
                .every(Duration.ofDays(1));
             HousekeepingTask b = new HousekeepingTask(() -> {
                 second.set(Thread.currentThread());
                 runs.incrementAndGet();
             }).every(Duration.ofDays(1))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.get() != null && runs.get() == 1);
            assertThat(first.get()).isSameAs(second.get());
            assertThat(first.get().getName()).isEqualTo("callstack-housekeeping");
            assertThat(first.get().isDaemon()).isTrue();
            b.runSoon();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 2);
            assertThat(a.scheduled()).isTrue();
        }
    }

    @Test
    void closeWaitsForTheRunInProgressAndNothingRunsAfterIt() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        HousekeepingTask task = new HousekeepingTask(() -> {
            runs.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }).every(Duration.ofMillis(1));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Boolean> closed = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                closed.set(task.closeAndWait());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(closed.get()).as("close waits while the run is in progress").isNull();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(closed.get()).isTrue();
        assertThat(task.scheduled()).isFalse();
        int after = runs.get();
        task.runSoon();
        // A later task on the same thread has run, so anything the closed one had queued has had its turn.
        CountDownLatch later = new CountDownLatch(1);
        try (HousekeepingTask probe = new HousekeepingTask(later::countDown).every(Duration.ofDays(1))) {
            assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(probe.scheduled()).isTrue();
        }
        assertThat(runs.get()).isEqualTo(after);
    }
}
