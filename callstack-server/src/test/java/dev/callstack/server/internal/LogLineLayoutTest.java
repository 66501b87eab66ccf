package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The hand-written layout writes what logback's pattern layout wrote for the server's pattern, character for character. */
class LogLineLayoutTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void writesThePatternsLineForEveryLevelAndLoggerNameLength() {
        List<String> loggers = List.of("dev.callstack.server.internal.OutboxDispatcher", "short",
                "dev.callstack.modem.internal.at.AtCommandExecutor$Pending", "io.netty.channel.DefaultChannelPipeline",
                Logger.ROOT_LOGGER_NAME, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.Name");
        for (String logger : loggers) {
            for (Level level : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR)) {
                assertSameLine(event(logger, level, "Outbox {} after {} attempts", null, 42, "3"));
            }
        }
    }

    @Test
    void writesTheStackTraceWithCausesAndSuppressedAsThePatternDid() {
        IllegalStateException cause = new IllegalStateException("link closed");
        UncheckedIOException thrown = new UncheckedIOException("write failed", new IOException("broken pipe", cause));
        thrown.addSuppressed(new IllegalArgumentException("second"));

        assertSameLine(event("dev.callstack.server.X", Level.WARN, "Webhook attempt failed", thrown));
        assertSameLine(event("dev.callstack.server.X", Level.ERROR, "no message", new RuntimeException()));
    }

    @Test
    void writesTimestampsInTheGivenZoneWithItsOffset() {
        for (String zone : List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns")) {
            TimeZone before = TimeZone.getDefault();
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try {
                assertSameLine(event("dev.callstack.X", Level.INFO, "ready", null), ZoneId.of(zone));
            } finally {
                TimeZone.setDefault(before);
            }
        }
    }

    private void assertSameLine(LoggingEvent event) {
        assertSameLine(event, ZoneId.systemDefault());
    }

    private void assertSameLine(LoggingEvent event, ZoneId zone) {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(LogLineLayout.EQUIVALENT_PATTERN);
        pattern.start();
        LogLineLayout layout = new LogLineLayout(zone);
        layout.setContext(context);
        layout.start();

        assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message, thrown,
                args);
        event.setThreadName("callstack-io-1");
        event.setTimeStamp(1_765_060_000_123L);
        return event;
    }
}
