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
 * A real {@code serve --modem simulator --no-auth}, configured by a TOML file as the packaged service is and with the
 * native libraries staged as the launcher passes them, in a child JVM that logs every class it loads. Each class an
 * idle server holds costs resident memory on a 512 MB board, so it loads only what it uses:
 * <ul>
 *   <li>idle ({@code /healthz}, {@code /status}): no security provider (only API keys digest, only webhook and
 *       voicemail ids draw secure random bytes), no client subcommand, not the bootstrap of records' generated
 *       methods;</li>
 *   <li>serving ({@code POST /sms/send}, a malformed body, an unknown path): not one class of Jackson's databind
 *       machinery ({@code ObjectMapper}, its serialisers, deserialisers, introspection, configuration): trees and
 *       the streaming generator are all the server needs;</li>
 *   <li>no class of the Prometheus library until {@code /metrics} is scraped.</li>
 * </ul>
 * A child JVM because this one has long loaded all of them for other tests. The JVM's log output flushes each line,
 * so the log read while the server runs is what it has loaded so far.
 */
class ServeLoadsOnlyWhatItUsesTest {
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
    /**
     * The mapper and its machinery. One {@code cfg} interface is exempt: {@code DatatypeFeature}, which the JVM's
     * bytecode verifier loads (to learn that it is an interface) while it verifies {@code ObjectNode}, whose
     * serialising methods name {@code JsonNodeFeature}; it is one class, with no code, and goes with the tree itself.
     */
    private static final Pattern DATABIND_MACHINERY = Pattern.compile(
            "com\\.fasterxml\\.jackson\\.databind\\."
                    + "(ObjectMapper|ObjectReader|ObjectWriter|(ser|deser|introspect)\\.|cfg\\.(?!DatatypeFeature ))");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void anIdleServerLoadsNeitherSecurityNorClientNorMapperNorPrometheusClasses() throws Exception {
        Path config = Files.writeString(dir.resolve("callstack.conf"), """
                # as the .deb ships it: every serve reads a file
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
            assertThat(send(http, port, "GET", "/healthz", null).statusCode()).isIn(200, 503);
            HttpResponse<String> status = send(http, port, "GET", "/status", null);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).startsWith("{\"simulated\":true,");
            List<String> idle = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(idle).as("the class log is written and the server answered over Netty")
                    .anyMatch(line -> line.contains(" dev.callstack.server.cli.ServeCommand "))
                    .anyMatch(line -> line.contains(" dev.callstack.server.internal.StatusRoute "))
                    .anyMatch(line -> line.contains(" dev.callstack.server.internal.webhook.Webhooks "));
            assertThat(matching(idle, SECURITY_PROVIDERS)).isEmpty();
            assertThat(matching(idle, CLIENT_COMMANDS)).isEmpty();
            assertThat(matching(idle, RECORD_METHODS_BOOTSTRAP)).isEmpty();

            HttpResponse<String> sent = send(http, port, "POST", "/sms/send",
                    "{\"to\":\"+447700900123\",\"body\":\"hello\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            HttpResponse<String> malformed = send(http, port, "POST", "/sms/send", "{\"to\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).isEqualTo("{\"error\":\"invalid JSON body\"}");
            HttpResponse<String> notObject = send(http, port, "POST", "/sms/send", "[1,2]");
            assertThat(notObject.body()).isEqualTo("{\"error\":\"JSON body must be an object\"}");
            assertThat(send(http, port, "GET", "/nowhere", null).body()).isEqualTo("{\"error\":\"not found\"}");
            List<String> serving = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(serving).as("the metrics count without the Prometheus library until the first scrape")
                    .anyMatch(line -> line.contains(" dev.callstack.server.internal.LabelledCounter "))
                    .noneMatch(line -> line.contains(" io.prometheus."));

            HttpResponse<String> metrics = send(http, port, "GET", "/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("callstack_http_requests_total{route=\"/sms/send\",status=\"2xx\"} 1.0")
                    .contains("callstack_http_requests_total{route=\"/sms/send\",status=\"4xx\"} 2.0");
        } finally {
            server.destroy();
            if (!server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("the server parsed and configured with Jackson, and the scrape loaded Prometheus")
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.databind.node.ObjectNode "))
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.dataformat.toml.TomlFactory "))
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.core.json.UTF8JsonGenerator "))
                .anyMatch(line -> line.contains(" io.prometheus.metrics.model.registry.PrometheusRegistry "));
        assertThat(matching(loaded, DATABIND_MACHINERY)).isEmpty();
    }

    private static List<String> matching(List<String> lines, Pattern pattern) {
        return lines.stream().filter(line -> pattern.matcher(line).find()).toList();
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
        try (InputStream library = ServeLoadsOnlyWhatItUsesTest.class.getResourceAsStream(resource)) {
            assumeTrue(library != null, "no native library " + resource + " for this platform");
            Files.copy(library, folder.resolve(resource.substring(resource.lastIndexOf('/') + 1)));
        }
    }

    private static int listeningPort(Path output, Process server) throws IOException {
        assertThat(server.isAlive()).as("the server is running").isTrue();
        Matcher listening = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
        return listening.find() ? Integer.parseInt(listening.group(1)) : 0;
    }

    private static HttpResponse<String> send(HttpClient http, int port, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
