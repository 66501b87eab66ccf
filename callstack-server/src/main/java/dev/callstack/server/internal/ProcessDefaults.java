package dev.callstack.server.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * System properties the {@code callstack} process sets for its libraries before they first read them, each only when
 * the operator has not set it (a {@code -D} on the command line, {@code CALLSTACK_JAVA_OPTS} for the launcher, wins).
 * Each saves start-up work or memory the service does not use:
 * <ul>
 *   <li>{@code io.netty.jfr.enabled=false}: Netty 4.2 records buffer allocations as Flight Recorder events whenever
 *       the JVM has JFR, for a recording nobody started; that loads the JFR runtime and generates its event classes
 *       during the first request (about a hundred classes and a tenth of a second on a small board).</li>
 * </ul>
 *
 * <p>Stateless.
 */
public final class ProcessDefaults {
    static final Map<String, String> DEFAULTS = Map.of("io.netty.jfr.enabled", "false");

    private ProcessDefaults() {
    }

    /**
     * Sets each default in {@code properties} that is not set there yet.
     *
     * @param properties the process's properties ({@link System#getProperties()}); tests pass their own
     */
    public static void apply(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        DEFAULTS.forEach(properties::putIfAbsent);
    }
}
