package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The command lines the modem received: the newest {@link AtModemSimulator#HISTORY_LIMIT} in order, plus a queue
 * of at most as many that the test takes them from one by one. Both drop their oldest line when full, so a
 * simulator nobody verifies (the server's demo mode) holds bounded memory however long it runs.
 *
 * <p>Thread-safe.
 */
final class CommandLog {
    private final BoundedHistory<String> all;
    private final LinkedBlockingDeque<String> untaken;

    CommandLog(int capacity) {
        this.all = new BoundedHistory<>(capacity);
        this.untaken = new LinkedBlockingDeque<>(capacity);
    }

    void record(String command) {
        Objects.requireNonNull(command, "command");
        all.add(command);
        // A racing take may free a slot between the two calls; a lost race only drops one more old line.
        while (!untaken.offerLast(command)) {
            untaken.pollFirst();
        }
    }

    String take(long timeout, TimeUnit unit) throws InterruptedException {
        return untaken.pollFirst(timeout, unit);
    }

    List<String> all() {
        return all.snapshot();
    }
}
