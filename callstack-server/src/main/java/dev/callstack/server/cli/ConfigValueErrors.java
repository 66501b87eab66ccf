package dev.callstack.server.cli;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reports a value from the config file (or the environment) that picocli cannot convert, such as
 * {@code port = "abc"}, with the file and line it came from, as unknown keys are; picocli alone would blame
 * {@code --port}, which the operator never typed. Anything else goes to picocli's own handler.
 *
 * <p>Immutable.
 */
final class ConfigValueErrors implements CommandLine.IParameterExceptionHandler {
    private final ConfigDefaults defaults;
    private final CommandLine.IParameterExceptionHandler fallback;

    ConfigValueErrors(ConfigDefaults defaults, CommandLine.IParameterExceptionHandler fallback) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        String origin = ex.getArgSpec() instanceof OptionSpec option ? defaults.origin(option, ex.getValue()) : null;
        if (origin == null) {
            return fallback.handleParseException(ex, args);
        }
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("callstack: " + origin + ": invalid value: " + ex.getMessage());
        err.flush();
        return ExitCodes.USAGE;
    }
}
