package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the test JVM from the moment it is installed (idempotent), so each integration test
 * class can prove that nothing personal reached the logs during the suite so far.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {
    /** Strings that tests put through the server and that must never be logged. */
    static final List<String> PII = List.of(
            "+15550100100", "15550100100", "+447700900123", "447700900123", "0100100",
            "Meet me at the secret garden", "secret garden",
            "*100#", "*123*4567#", "Balance 12.34 EUR", "Balance",
            TestServer.CONTENT_KEY, TestServer.PLAIN_KEY, "bogus-key-123", "Zx81vB", "Qw42nM",
            // The number SimulatorCallsAndStatusTest dials, and the AT simulator's IMEI, IMSI and ICCID (read at
            // every simulated connect): not even their last digits.
            "15550100177", "0100177", "490154203237518", "237518", "001010123456789", "456789",
            "89001012012345678901", "678901");

    private static final LogCapture INSTANCE = new LogCapture();
    private final List<String> lines = new ArrayList<>();

    static synchronized LogCapture install() {
        if (!INSTANCE.isStarted()) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            INSTANCE.setContext(context);
            INSTANCE.setName("pii-capture");
            INSTANCE.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(INSTANCE);
        }
        return INSTANCE;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        line.append(' ').append(event.getMDCPropertyMap());
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Asserts that no captured line contains any of {@link #PII}. */
    static void assertNoPii() {
        List<String> captured = install().lines();
        for (String secret : PII) {
            List<String> leaks = captured.stream().filter(line -> line.contains(secret)).collect(Collectors.toList());
            assertThat(leaks).as("log lines containing a private value").isEmpty();
        }
    }
}
