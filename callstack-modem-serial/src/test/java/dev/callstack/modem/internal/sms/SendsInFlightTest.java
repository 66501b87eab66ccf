package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendsInFlightTest {
    /** Only a broken wait comes anywhere near this. */
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final long WAIT_SECONDS = 30;

    private final ExecutorService inbound = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() throws InterruptedException {
        inbound.shutdownNow();
        assertThat(inbound.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withNoSendInFlightItLooksOnceAndDoesNotWait() {
        SendsInFlight sends = new SendsInFlight(LONG);
        CountingLookup lookup = new CountingLookup();

        // On this thread: a wait here would hold the test up for the whole minute and then look twice.
        assertThat(sends.find(lookup)).isEmpty();
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void aSendThatEndedBeforeTheLookIsNotWaitedFor() {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        sends.end();
        CountingLookup lookup = new CountingLookup();

        assertThat(sends.find(lookup)).isEmpty();
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void aFoundPartIsReturnedWithoutWaitingEvenWhileASendIsInFlight() {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        CountingLookup lookup = new CountingLookup();
        lookup.result.set("part");

        assertThat(sends.find(lookup)).contains("part");
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void waitEndsWhenTheSendInFlightIsRecordedAndLooksAgain() throws Exception {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        CountingLookup lookup = new CountingLookup();

        Future<Optional<String>> found = inbound.submit(() -> sends.find(lookup));
        assertThat(lookup.firstLook.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        lookup.result.set("part");
        sends.end();

        assertThat(found.get(WAIT_SECONDS, TimeUnit.SECONDS)).contains("part");
        assertThat(lookup.calls.get()).isEqualTo(2);
    }

    @Test
    void aSendRecordedBetweenTheLookAndTheWaitStillEarnsASecondLook() {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        AtomicReference<String> recorded = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        // The send records and ends while the first look is running: nothing is in flight by the time it returns.
        Supplier<Optional<String>> lookup = () -> {
            Optional<String> result = Optional.ofNullable(recorded.get());
            if (calls.getAndIncrement() == 0) {
                recorded.set("part");
                sends.end();
            }
            return result;
        };

        assertThat(sends.find(lookup)).contains("part");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aLaterSendIsNotWaitedFor() throws Exception {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        CountingLookup lookup = new CountingLookup();

        Future<Optional<String>> found = inbound.submit(() -> sends.find(lookup));
        assertThat(lookup.firstLook.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        sends.end();
        // The next part goes out and hangs: the report looked before it began, so it is not held up by it.
        sends.begin();

        assertThat(found.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(lookup.calls.get()).isEqualTo(2);
    }

    @Test
    void waitEndsAtTheLimitWhenTheSendNeverEnds() throws Exception {
        SendsInFlight sends = new SendsInFlight(Duration.ofMillis(20));
        sends.begin();
        CountingLookup lookup = new CountingLookup();

        Future<Optional<String>> found = inbound.submit(() -> sends.find(lookup));

        assertThat(found.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() throws Exception {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        CountingLookup lookup = new CountingLookup();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();

        Future<Optional<String>> found = inbound.submit(() -> {
            Thread.currentThread().interrupt();
            Optional<String> result = sends.find(lookup);
            stillInterrupted.complete(Thread.interrupted());
            return result;
        });

        assertThat(found.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(stillInterrupted.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(lookup.calls.get()).isEqualTo(1);
    }

    @Test
    void everySendInFlightBeforeTheLookIsWaitedFor() throws Exception {
        SendsInFlight sends = new SendsInFlight(LONG);
        sends.begin();
        sends.begin();
        CountingLookup lookup = new CountingLookup();

        Future<Optional<String>> found = inbound.submit(() -> sends.find(lookup));
        assertThat(lookup.firstLook.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        sends.end();
        lookup.result.set("part");
        sends.end();

        assertThat(found.get(WAIT_SECONDS, TimeUnit.SECONDS)).contains("part");
        assertThat(lookup.calls.get()).isEqualTo(2);
    }

    @Test
    void endWithoutBeginIsABug() {
        SendsInFlight sends = new SendsInFlight(LONG);
        assertThatThrownBy(sends::end).isInstanceOf(IllegalStateException.class);
    }

    /** A lookup that finds {@link #result} and counts its calls. Thread-safe. */
    private static final class CountingLookup implements Supplier<Optional<String>> {
        final AtomicReference<String> result = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch firstLook = new CountDownLatch(1);

        @Override
        public Optional<String> get() {
            // Read before counting: a test that sets the result once the first look counted must not race it.
            Optional<String> found = Optional.ofNullable(result.get());
            calls.incrementAndGet();
            firstLook.countDown();
            return found;
        }
    }
}
