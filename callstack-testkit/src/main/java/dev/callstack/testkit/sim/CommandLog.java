package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every command line the modem received: all of them in order, plus a queue the test takes them from one by one.
 *
 * <p>Thread-safe.
 */
final class CommandLog {
    private final List<String> all = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> untaken = new LinkedBlockingQueue<>();

    void record(String command) {
        Objects.requireNonNull(command, "command");
        all.add(command);
        untaken.add(command);
    }

    String take(long timeout, TimeUnit unit) throws InterruptedException {
        return untaken.poll(timeout, unit);
    }

    List<String> all() {
        return List.copyOf(all);
    }
}
