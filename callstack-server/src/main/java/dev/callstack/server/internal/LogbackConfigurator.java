package dev.callstack.server.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The server's logging set up in code, found by logback through {@code META-INF/services}: human-readable lines on
 * standard output, Netty at WARN, Callstack's own loggers at {@code CALLSTACK_LOG_LEVEL} (INFO by default; an unknown
 * name is INFO too). Code rather than a {@code logback.xml} because reading XML is the most expensive part of
 * starting logback: the JDK's XML parser and logback's configuration model are a few hundred classes and about a
 * tenth of the server's start on a small board, for four settings. The line itself is {@link LogLineLayout}'s, for
 * the same reason (logback's pattern layout loads a converter per pattern word it knows). An operator's own
 * configuration still wins: with {@code -Dlogback.configurationFile=...}, or a {@code logback.xml} /
 * {@code logback-test.xml} on the class path (the tests'), this steps aside and logback reads that file as usual.
 *
 * <p>Callstack never logs phone numbers, bodies, USSD text, keys or PINs, whatever the level.
 *
 * <p>Not thread-safe; logback calls it once, while it initialises.
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    static final String LEVEL_VARIABLE = "CALLSTACK_LOG_LEVEL";
    static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;
    private final Predicate<String> resourceExists;

    /** The instance logback's service loader makes: the process's environment, properties and class path. */
    public LogbackConfigurator() {
        this(System::getenv, System::getProperty,
                name -> LogbackConfigurator.class.getClassLoader().getResource(name) != null);
    }

    LogbackConfigurator(UnaryOperator<String> env, UnaryOperator<String> properties, Predicate<String> resourceExists) {
        this.env = Objects.requireNonNull(env, "env");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.resourceExists = Objects.requireNonNull(resourceExists, "resourceExists");
    }

    /**
     * Sets up the console appender and levels, unless a configuration file was given or is on the class path.
     *
     * @param context the context to configure
     * @return {@code DO_NOT_INVOKE_NEXT_IF_ANY} when configured here, {@code INVOKE_NEXT_IF_ANY} to let logback
     *         read the operator's file
     */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (properties.apply(CONFIG_FILE_PROPERTY) != null || resourceExists.test("logback-test.xml")
                || resourceExists.test("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("dev.callstack").setLevel(Level.toLevel(env.apply(LEVEL_VARIABLE), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
