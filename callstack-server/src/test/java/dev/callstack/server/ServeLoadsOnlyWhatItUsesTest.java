package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve --modem simulator}, configured by a TOML file as the packaged service is, in a child JVM that
 * logs every class it loads: after {@code /healthz}, {@code /status}, a {@code POST /sms/send}, a malformed body and an
 * unknown path, not one class of Jackson's databind machinery ({@code ObjectMapper}, its serialisers, deserialisers,
 * introspection, configuration) has been loaded (trees and the streaming generator are all the server needs), and no
 * class of the Prometheus library until {@code /metrics} is scraped. Every class an idle server holds costs resident
 * memory on a small board. A child JVM because this one has long loaded both for its own tests.
 */
class ServeLoadsOnlyWhatItUsesTest {
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
    void servingLoadsNoObjectMapperAndScrapingAloneLoadsPrometheus() throws Exception {
        Path config = Files.writeString(dir.resolve("callstack.conf"), """
                # as the .deb ships it: every serve reads a file
                modem = "simulator"
                host = "127.0.0.1"
                port = 0
                no-auth = true
                db = "%s"
                """.formatted(dir.resolve("callstack.db").toString().replace("\\", "\\\\")));
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
        Process server = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classes,
                "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            int port = await().atMost(TIMEOUT).until(() -> listeningPort(output, server), p -> p > 0);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build();
            assertThat(send(http, port, "GET", "/healthz", null).statusCode()).isIn(200, 503);
            HttpResponse<String> status = send(http, port, "GET", "/status", null);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).startsWith("{\"simulated\":true,");
            HttpResponse<String> sent = send(http, port, "POST", "/sms/send",
                    "{\"to\":\"+447700900123\",\"body\":\"hello\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            HttpResponse<String> malformed = send(http, port, "POST", "/sms/send", "{\"to\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).isEqualTo("{\"error\":\"invalid JSON body\"}");
            HttpResponse<String> notObject = send(http, port, "POST", "/sms/send", "[1,2]");
            assertThat(notObject.body()).isEqualTo("{\"error\":\"JSON body must be an object\"}");
            assertThat(send(http, port, "GET", "/nowhere", null).body()).isEqualTo("{\"error\":\"not found\"}");
            // The JVM's log output flushes each line: what it lists now is what has been loaded.
            assertThat(Files.readAllLines(classes, StandardCharsets.UTF_8))
                    .as("the metrics count without the Prometheus library until the first scrape")
                    .anyMatch(line -> line.contains(" dev.callstack.server.internal.LabelledCounter "))
                    .noneMatch(line -> line.contains(" io.prometheus."));
            HttpResponse<String> metrics = send(http, port, "GET", "/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("callstack_http_requests_total{route=\"/sms/send\",status=\"2xx\"} 1.0")
                    .contains("callstack_http_requests_total{route=\"/sms/send\",status=\"4xx\"} 2.0");
        } finally {
            server.destroy();
            if (!server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("the class log is written and the server parsed and configured with Jackson")
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.databind.node.ObjectNode "))
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.dataformat.toml.TomlFactory "))
                .anyMatch(line -> line.contains(" com.fasterxml.jackson.core.json.UTF8JsonGenerator "));
        assertThat(loaded.stream().filter(line -> DATABIND_MACHINERY.matcher(line).find()).toList()).isEmpty();
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
