package dev.callstack.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies {@code serve}'s defaults: the option's environment variable if set, else the config file's value, else
 * nothing (picocli then takes the annotation's default). With picocli's rule that the command line beats any default,
 * that is the precedence flag &gt; environment &gt; file &gt; default. It also says where a value came from.
 *
 * <p>Immutable.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    /** Options that are not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("help", "version", "config", "print-config");
    /** The one option whose variable does not follow the CALLSTACK_<NAME> rule. */
    private static final Map<String, String> VARIABLE_EXCEPTIONS = Map.of("webhook", "CALLSTACK_WEBHOOK_URL");
    static final String CONFIG_VARIABLE = "CALLSTACK_CONFIG";

    private final Map<String, String> env;
    private final ConfigFile file;

    ConfigDefaults(Map<String, String> env, ConfigFile file) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * The provider for a {@code serve} command line: the file named by {@code --config} (or
     * {@code CALLSTACK_CONFIG}), read before parsing because picocli applies defaults first.
     */
    static ConfigDefaults load(String[] args, Map<String, String> env) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                named = args[i].substring("--config=".length());
            }
        }
        if (named == null) {
            named = env.get(CONFIG_VARIABLE);
        }
        if (named == null || named.isBlank()) {
            return new ConfigDefaults(env, ConfigFile.empty());
        }
        return new ConfigDefaults(env, ConfigFile.read(Path.of(named), settingNames()));
    }

    /** Every key a file may hold: {@code serve}'s option names without dashes. */
    static Set<String> settingNames() {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : CommandLine.Model.CommandSpec.forAnnotatedObject(new ServeCommand()).options()) {
            String name = key(option);
            if (!NOT_SETTINGS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^--?", "");
    }

    static String variable(String key) {
        return VARIABLE_EXCEPTIONS.getOrDefault(key,
                "CALLSTACK_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String key = key(option);
        if (NOT_SETTINGS.contains(key)) {
            return null;
        }
        String fromEnv = env.get(variable(key));
        if (fromEnv != null) {
            return fromEnv;
        }
        return file.values().get(key);
    }

    /** Where {@code option}'s value came from, unless the command line gave it. */
    String source(OptionSpec option) {
        String key = key(option);
        String variable = variable(key);
        if (env.containsKey(variable)) {
            return "environment " + variable;
        }
        if (file.values().containsKey(key)) {
            return "file " + location(key);
        }
        return "default";
    }

    /**
     * Where a value picocli could not convert was written: {@code path:line: key} for the file,
     * {@code environment VARIABLE} for the environment; null when the value is not one this provider supplied (the
     * command line's own, or the annotation's default).
     */
    String origin(OptionSpec option, String value) {
        String key = key(option);
        if (NOT_SETTINGS.contains(key) || value == null || !value.equals(defaultValue(option))) {
            return null;
        }
        String variable = variable(key);
        return env.containsKey(variable) ? "environment " + variable : location(key) + ": " + key;
    }

    private String location(String key) {
        return file.path() + ":" + file.lines().getOrDefault(key, 0);
    }
}
