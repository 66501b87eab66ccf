package dev.callstack.server.internal;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The server's log line, written in code: the line logback's
 * {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n} pattern writes, followed by the
 * stack trace of an attached throwable as the pattern layout appends it. Code rather than {@code PatternLayout}
 * because that layout's start registers a converter for every pattern word logback knows: about 150 classes
 * (converters, the pattern parser, ANSI colours, one lambda per word) that stay loaded, and resident, for the life
 * of a server that uses five of them; on a 512 MB board that is about a megabyte of its idle memory.
 *
 * <p>Thread-safe: no mutable state (the formatter and the abbreviator are immutable).
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {
    /** The pattern this layout reproduces, for readers and for the test that holds the two to the same output. */
    static final String EQUIVALENT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
    private static final int LOGGER_NAME_LENGTH = 36;
    private static final int LEVEL_WIDTH = 5;

    private final DateTimeFormatter timestamp;
    private final Abbreviator loggerName = new TargetLengthBasedClassNameAbbreviator(LOGGER_NAME_LENGTH);

    LogLineLayout() {
        this(ZoneId.systemDefault());
    }

    LogLineLayout(ZoneId zone) {
        this.timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        timestamp.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int pad = level.length(); pad < LEVEL_WIDTH; pad++) {
            line.append(' ');
        }
        line.append(" [").append(event.getThreadName()).append("] ")
                .append(loggerName.abbreviate(event.getLoggerName()))
                .append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
