package dev.callstack.testkit.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A slow answer, as a modem printing a long {@code +CMGL} list: the first lines go out, then the modem stops until
 * the test calls {@link #release()}, then the rest follows. While paused the simulator reads no further command on
 * that link (a real modem is busy too), so what the host sends meanwhile is answered after the tail. Made by
 * {@link AtModemSimulator#pauseAnswer(String, int)}.
 *
 * <p>Thread-safe.
 */
public final class AnswerPause {
    /** A pause never released ends by itself after this, so a failing test cannot hang the simulator forever. */
    private static final long MAX_PAUSE_SECONDS = 60;

    private final String command;
    private final int linesBefore;
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    AnswerPause(String command, int linesBefore) {
        this.command = Objects.requireNonNull(command, "command");
        if (linesBefore < 0) {
            throw new IllegalArgumentException("linesBefore must not be negative");
        }
        this.linesBefore = linesBefore;
    }

    /**
     * Waits until the answer has stopped half-way.
     *
     * @param timeout how long to wait
     * @return whether the pause was reached in time
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitPaused(Duration timeout) throws InterruptedException {
        return paused.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets the rest of the answer go out (and the simulator read commands again). */
    public void release() {
        released.countDown();
    }

    String command() {
        return command;
    }

    int linesBefore() {
        return linesBefore;
    }

    /** On the link's reader thread, after the first lines: blocks until released (or the safety limit). */
    void hold() {
        paused.countDown();
        try {
            if (!released.await(MAX_PAUSE_SECONDS, TimeUnit.SECONDS)) {
                return; // never released: carry on as if it were
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
