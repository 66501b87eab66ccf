package dev.callstack.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file, its precedence (flag > environment > file > default), --print-config and --version. */
class CliConfigTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("callstack.conf"), text);
    }

    private static String line(Run run, String key) {
        return run.out().lines().filter(l -> l.startsWith(key + " = ") || l.startsWith("# " + key + " ="))
                .findFirst().orElseThrow();
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = config("""
                # gateway
                host = "0.0.0.0"
                port = 9000
                rate-limit = 5
                ws-queue = 99
                allowed-origins = ["http://a.example", "http://b.example"]
                """);
        Run run = run(Map.of("CALLSTACK_PORT", "9100", "CALLSTACK_RATE_LIMIT", "7"), "serve", "--config",
                file.toString(), "--rate-limit", "8", "--print-config");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(line(run, "rate-limit")).isEqualTo("rate-limit = 8  # command line");
        assertThat(line(run, "port")).isEqualTo("port = 9100  # environment CALLSTACK_PORT");
        assertThat(line(run, "host")).isEqualTo("host = \"0.0.0.0\"  # file " + file + ":2");
        assertThat(line(run, "ws-queue")).isEqualTo("ws-queue = 99  # file " + file + ":5");
        assertThat(line(run, "allowed-origins")).contains("\"http://a.example\", \"http://b.example\"");
        assertThat(line(run, "max-connections")).isEqualTo("max-connections = 16384  # default");
        assertThat(line(run, "request-timeout")).isEqualTo("request-timeout = \"10s\"  # default");
    }

    @Test
    void aFlagSwitchesItsSettingOnWhateverTheFileOrTheEnvironmentSays() throws Exception {
        // picocli sets a flag to the opposite of its default, and a file or variable saying true is that default:
        // --no-auth with `no-auth = true` in the file used to mean "auth on" and the server refused to start.
        Path file = config("no-auth = true\nws-deflate = true\nwebhook-content = false\n");
        Run run = run(Map.of("CALLSTACK_WEBHOOK_ALLOW_PRIVATE", "true"), "serve", "--config", file.toString(),
                "--no-auth", "--ws-deflate", "--webhook-content", "--webhook-allow-private", "--print-config");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(line(run, "no-auth")).isEqualTo("no-auth = true  # command line");
        assertThat(line(run, "ws-deflate")).isEqualTo("ws-deflate = true  # command line");
        assertThat(line(run, "webhook-content")).isEqualTo("webhook-content = true  # command line");
        assertThat(line(run, "webhook-allow-private")).isEqualTo("webhook-allow-private = true  # command line");

        Run off = run(Map.of(), "serve", "--config", file.toString(), "--no-auth=false", "--print-config");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(line(off, "no-auth")).isEqualTo("no-auth = false  # command line");
    }

    @Test
    void theConfigVariableNamesTheFileAndServeIsTheDefault() throws Exception {
        Path file = config("modem = \"simulator\"\n");
        Run run = run(Map.of("CALLSTACK_CONFIG", file.toString()), "--print-config");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(line(run, "modem")).isEqualTo("modem = \"simulator\"  # file " + file + ":1");
    }

    @Test
    void secretsAreMasked() throws Exception {
        Path file = config("sim-pin = \"4711\"\nwebhook = \"https://hooks.example.com/T0KEN/abc?x=1\"\n");
        Run run = run(Map.of(), "serve", "--config", file.toString(), "--print-config");
        assertThat(run.out()).contains("sim-pin = \"****\"", "webhook = \"https://hooks.example.com/****\"")
                .doesNotContain("4711", "T0KEN");
    }

    @Test
    void anUnknownKeyIsAnErrorWithItsLineNumber() throws Exception {
        Path file = config("host = \"127.0.0.1\"\n\n# typo below\nprot = 8080\n");
        Run run = run(Map.of(), "serve", "--config", file.toString(), "--print-config");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":4: unknown key 'prot'");
    }

    @Test
    void invalidTomlAndTablesAreErrorsWithTheirLine() throws Exception {
        Path file = config("host = \"127.0.0.1\"\nport = = 3\n");
        Run bad = run(Map.of(), "serve", "--config", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(file + ":2: not valid TOML");
        Path tables = config("port = 1\n[server]\nhost = \"x\"\n");
        Run table = run(Map.of(), "serve", "--config", tables.toString());
        assertThat(table.err()).contains(tables + ":2: tables ([server]) are not supported");
    }

    @Test
    void aWrongTypedValueIsAnErrorWithItsLineNumber() throws Exception {
        Path file = config("host = \"127.0.0.1\"\n# the port, quoted by mistake\nport = \"abc\"\n");
        Run port = run(Map.of(), "serve", "--config", file.toString(), "--print-config");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains(file + ":3: port: invalid value", "'abc'");
        Path flag = config("modem = \"simulator\"\nsend-rate = true\n");
        Run sendRate = run(Map.of(), "serve", "--config", flag.toString(), "--print-config");
        assertThat(sendRate.code()).isEqualTo(2);
        assertThat(sendRate.err()).contains(flag + ":2: send-rate: invalid value", "'true'");
    }

    @Test
    void aWrongTypedEnvironmentValueNamesTheVariable() {
        Run run = run(Map.of("CALLSTACK_WS_QUEUE", "many"), "serve", "--print-config");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("environment CALLSTACK_WS_QUEUE: invalid value", "'many'");
    }

    @Test
    void aWrongTypedFlagIsPicocliUsageError() throws Exception {
        Path file = config("port = 8080\n");
        Run run = run(Map.of(), "serve", "--config", file.toString(), "--port", "abc", "--print-config");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--port'").doesNotContain(file + ":1");
    }

    @Test
    void aMissingFileIsAnError() {
        Run run = run(Map.of(), "serve", "--config", dir.resolve("nope.conf").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read config file");
    }

    @Test
    void versionComesFromTheMavenProjectVersion() {
        Run run = run(Map.of(), "--version");
        assertThat(run.code()).isZero();
        assertThat(run.out().trim()).matches("callstack \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        Run run = run(Map.of(), "--help");
        assertThat(run.out()).contains("serve", "ports", "doctor", "status", "send", "ussd", "monitor",
                "Exit status:", "3  the server could not be reached");
    }
}
