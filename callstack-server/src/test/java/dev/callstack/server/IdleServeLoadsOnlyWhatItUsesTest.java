package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/**
 * A real {@code serve --modem simulator --no-auth}, configured by a TOML file as the packaged service is, in a child
 * JVM that logs every class it loads: after start-up, {@code /healthz} and {@code /status} it has loaded none of the
 * subsystems an idle server without keys, webhooks or voicemail has no use for, nor the bootstrap of records'
 * generated methods. Each class costs resident memory on a 512 MB board. A child JVM because this one has long
 * loaded all of them for other tests.
 */
class IdleServeLoadsOnlyWhatItUsesTest {
    /**
     * The security providers: digests (only API keys need one), secure random numbers (ids of webhooks and voice
     * messages, webhook secrets) and the provider framework both bring along.
     */
    private static final Pattern SECURITY_PROVIDERS = Pattern.compile(
            " (java\\.security\\.(MessageDigest|SecureRandom)|sun\\.security\\.(jca|provider)\\.[A-Za-z0-9_$.]+) ");
    /** The client subcommands: {@code serve} never runs them. */
    private static final Pattern CLIENT_COMMANDS = Pattern.compile(
            " dev\\.callstack\\.server\\.cli\\.(Ports|Doctor|Client|Status|Send|Ussd|Monitor)Command ");
    /**
     * The bootstrap of records' generated equals, hashCode and toString: its method-handle machinery is about 40
     * classes, a third of them generated at run time outside the CDS archive. Records on the idle path that are compared
     * write their equals out (EffectiveRegistration).
     */
    private static final Pattern RECORD_METHODS_BOOTSTRAP =
            Pattern.compile(" java\\.lang\\.runtime\\.ObjectMethods ");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void idleServerWithoutKeysLoadsNoSecurityProviderAndNoClientCommand() throws Exception {
        Path config = Files.writeString(dir.resolve("callstack.conf"), """
                modem = "simulator"
                host = "127.0.0.1"
                port = 0
                no-auth = true
                db = "%s"
                """.formatted(dir.resolve("callstack.db").toString().replace("\\", "\\\\")));
        // The test class path's logback-test.xml shows only warnings; the port is in an INFO line.
        Path logback = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Path classes = dir.resolve("classes.log");
        Path output = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + classes,
                "-Dlogback.configurationFile=" + logback));
        command.addAll(nativeLibraryFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--config", config.toString()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            int port = await().atMost(TIMEOUT).until(() -> listeningPort(output, server), p -> p > 0);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build();
            assertThat(get(http, port, "/healthz").statusCode()).isIn(200, 503);
            HttpResponse<String> status = get(http, port, "/status");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).startsWith("{\"simulated\":true,");
        } finally {
            server.destroy();
            if (!server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("the class log is written and the server answered over Netty")
                .anyMatch(line -> line.contains(" dev.callstack.server.cli.ServeCommand "))
                .anyMatch(line -> line.contains(" dev.callstack.server.internal.StatusRoute "))
                .anyMatch(line -> line.contains(" dev.callstack.server.internal.webhook.Webhooks "));
        assertThat(loaded.stream().filter(line -> SECURITY_PROVIDERS.matcher(line).find()).toList()).isEmpty();
        assertThat(loaded.stream().filter(line -> CLIENT_COMMANDS.matcher(line).find()).toList()).isEmpty();
        assertThat(loaded.stream().filter(line -> RECORD_METHODS_BOOTSTRAP.matcher(line).find()).toList())
                .isEmpty();
    }

    /**
     * SQLite's and Netty's native libraries, unpacked as the package installs them, for the flags the launcher gives:
     * without them each library extracts its own copy to a temporary file under a random name, and that random name
     * loads the providers this test looks for.
     */
    private List<String> nativeLibraryFlags() throws IOException {
        Path sqlite = Files.createDirectories(dir.resolve("native/sqlite"));
        stage("/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + System.mapLibraryName("sqlitejdbc"), sqlite);
        Path jni = Files.createDirectories(dir.resolve("native/jni"));
        stage("/META-INF/native/"
                + System.mapLibraryName("netty_transport_native_epoll_" + PlatformDependent.normalizedArch()), jni);
        return List.of("-Dorg.sqlite.lib.path=" + sqlite, "-Djava.library.path=" + jni);
    }

    private static void stage(String resource, Path folder) throws IOException {
        try (InputStream library = IdleServeLoadsOnlyWhatItUsesTest.class.getResourceAsStream(resource)) {
            assumeTrue(library != null, "no native library " + resource + " for this platform");
            Files.copy(library, folder.resolve(resource.substring(resource.lastIndexOf('/') + 1)));
        }
    }

    private static int listeningPort(Path output, Process server) throws IOException {
        assertThat(server.isAlive()).as("the server is running").isTrue();
        Matcher listening = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
        return listening.find() ? Integer.parseInt(listening.group(1)) : 0;
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
