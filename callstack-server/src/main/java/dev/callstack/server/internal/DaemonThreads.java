package dev.callstack.server.internal;

import java.util.concurrent.ThreadFactory;

/**
 * The server's background threads: named (so a thread dump and the small-board thread count say what each is for)
 * and daemon (so a forgotten one never keeps the JVM alive after {@code main} returns).
 *
 * <p>Stateless; thread-safe.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /**
     * A factory of daemon threads that all carry {@code name}.
     *
     * @param name the threads' name
     * @return the factory
     */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
