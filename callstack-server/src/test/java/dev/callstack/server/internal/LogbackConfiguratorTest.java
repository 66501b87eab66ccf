package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogbackConfiguratorTest {
    private static LogbackConfigurator configurator(Map<String, String> env, Map<String, String> properties,
                                                    Set<String> resources) {
        return new LogbackConfigurator(env::get, properties::get, resources::contains);
    }

    @Test
    void consoleLinesAsTheOldLogbackXmlWrote() {
        LoggerContext context = new LoggerContext();
        ExecutionStatus status = configurator(Map.of(), Map.of(), Set.of()).configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console).isNotNull();
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.out");
        // LogLineLayoutTest holds the layout to the old pattern's output.
        assertThat(((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout())
                .isInstanceOf(LogLineLayout.class).matches(layout -> layout.isStarted());
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.callstack").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("dev.callstack.server.X").isDebugEnabled()).isFalse();
    }

    @Test
    void callstackLogLevelSetsCallstacksOwnLoggers() {
        LoggerContext context = new LoggerContext();
        configurator(Map.of("CALLSTACK_LOG_LEVEL", "DEBUG"), Map.of(), Set.of()).configure(context);

        assertThat(context.getLogger("dev.callstack").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("dev.callstack.modem.Y").isDebugEnabled()).isTrue();
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void anUnknownLevelNameIsInfo() {
        LoggerContext context = new LoggerContext();
        configurator(Map.of("CALLSTACK_LOG_LEVEL", "chatty"), Map.of(), Set.of()).configure(context);

        assertThat(context.getLogger("dev.callstack").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void anOperatorsConfigurationFileWins() {
        LoggerContext context = new LoggerContext();
        assertThat(configurator(Map.of(), Map.of("logback.configurationFile", "/etc/callstack/logback.xml"), Set.of())
                .configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(configurator(Map.of(), Map.of(), Set.of("logback.xml")).configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(configurator(Map.of(), Map.of(), Set.of("logback-test.xml")).configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void logbackFindsItAsAService() throws Exception {
        try (InputStream service = LogbackConfigurator.class.getClassLoader()
                .getResourceAsStream("META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            assertThat(service).isNotNull();
            assertThat(new String(service.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(LogbackConfigurator.class.getName());
        }
    }
}
