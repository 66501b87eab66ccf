package dev.callstack.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve --print-config}: every setting as a TOML line that could go into the file, with its source as a
 * comment. Secrets are masked. Stateless.
 */
final class EffectiveConfig {
    /** Settings whose value is never shown. */
    private static final Set<String> SECRETS = Set.of("sim-pin");
    /** Settings shown without their path and query (a webhook URL may carry a token). */
    private static final Set<String> URLS = Set.of("webhook");

    private EffectiveConfig() {
    }

    static void print(CommandSpec spec, PrintWriter out) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        ConfigDefaults defaults = spec.defaultValueProvider() instanceof ConfigDefaults d ? d : null;
        Set<String> settings = ConfigDefaults.settingNames();
        for (OptionSpec option : spec.options()) {
            String key = ConfigDefaults.key(option);
            if (!settings.contains(key)) {
                continue;
            }
            String source = parsed.hasMatchedOption(option) ? "command line"
                    : defaults == null ? "default" : defaults.source(option);
            Object value = option.getValue();
            out.println(line(key, value) + "  # " + source);
        }
        out.flush();
    }

    private static String line(String key, Object value) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return "# " + key + " = (not set)";
        }
        if (SECRETS.contains(key)) {
            return key + " = \"****\"";
        }
        if (URLS.contains(key)) {
            java.net.URI uri = java.net.URI.create(value.toString());
            return key + " = \"" + uri.getScheme() + "://" + uri.getAuthority() + "/****\"";
        }
        if (value instanceof java.time.Duration duration) {
            // In the form DurationConverter reads back, not ISO-8601.
            return key + " = \"" + (duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s"
                    : duration.toMillis() + "ms") + "\"";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return key + " = " + value;
        }
        if (value instanceof List<?> list) {
            return key + " = [" + String.join(", ", list.stream().map(v -> quote(v.toString())).toList()) + "]";
        }
        return key + " = " + quote(value.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
