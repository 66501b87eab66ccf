package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.modem.voice.WavWriter;
import dev.callstack.server.BearerHttp;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.NoPiiInLogs;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.sim.PcmSignals;
import dev.callstack.testkit.sim.SimAudioPort;
import dev.callstack.testkit.sim.SimProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole voice path over real parts: the AT simulator playing a SIM7600 with its audio port, the AT stack's audio
 * link, the server's plan runner, SQLite and the HTTP and WebSocket APIs. A scripted caller rings, hears the greeting,
 * presses 1 with in-band tones (no URC), speaks a 3 s tone and hangs up; a caller who presses a wrong digit first; a
 * caller who hangs up during the greeting, and the call after.
 */
@ExtendWith(NoPiiInLogs.class)
class VoiceSimulatorEndToEndTest {
    private static final String KEY = "voice-content-key-Rb8x";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SimulatorActivity.Schedule QUIET = new SimulatorActivity.Schedule(Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1),
            Duration.ofHours(1));

    @TempDir
    Path dir;
    private CallstackServer server;
    private SimulatorModem modem;
    private HttpClient http;
    private BearerHttp client;
    private int port;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        rootLogger().detachAppender(logs);
        logs.stop();
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** Writes the WAVs and the plan, starts a SIM7600 simulator with its audio port and the server on it. */
    private void start(String planJson, Map<String, byte[]> wavs) throws Exception {
        for (Map.Entry<String, byte[]> wav : wavs.entrySet()) {
            WavWriter.write(dir.resolve(wav.getKey()), AudioClip.ofPcm(wav.getKey(), wav.getValue()));
        }
        Path plan = Files.writeString(dir.resolve("plan.json"), planJson);
        logs.start();
        rootLogger().addAppender(logs);
        SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("callstack.db"));
        modem = SimulatorModem.start(store, QUIET, SimProfile.SIM7600, SerialModemConfig.DEFAULT_SWEEP_INTERVAL);
        server = CallstackServer.builder(modem).host("127.0.0.1").port(0).apiKey(KEY, Privilege.CONTENT)
                .rateLimit(0, Duration.ofMinutes(1)).simulated(true).closeModemOnClose(true)
                .quotaDatabase(dir.resolve("callstack.db")).voicePlan(plan).build();
        port = server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
        client = new BearerHttp(http, port, KEY, WAIT);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 200);
        assertThat(BearerHttp.json(client.get("/status")).get("voice").toString())
                .isEqualTo("{\"audio_port\":\"open\",\"plan\":\"loaded\"}");
    }

    /** A {@code /ws} subscription; its first message, the hello, is already taken. */
    private LinkedBlockingQueue<String> subscribe(String events) throws Exception {
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        http.newWebSocketBuilder().header("Authorization", "Bearer " + KEY)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?events=" + events),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                socket.request(1);
                                return CompletableFuture.completedFuture(null);
                            }
                        }).get(30, TimeUnit.SECONDS);
        assertThat(messages.poll(30, TimeUnit.SECONDS)).contains("\"hello\"");
        return messages;
    }

    /** What went to the logs at WARN or above since the server started: level, logger and message only. */
    private List<String> warningsAndErrors() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).toList();
    }

    /** A copy: the appender adds under its own monitor, on the logging threads. */
    private List<ILoggingEvent> events() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }

    private boolean logged(String text) {
        return events().stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }

    @Test
    void aCallerHearsTheGreetingPressesOneAndLeavesAVoicemail() throws Exception {
        byte[] greetingPcm = PcmSignals.tone(500, Duration.ofMillis(1500), 0.4);
        start("{\"greeting\":\"greeting.wav\",\"options\":{\"1\":{\"voicemail\":{\"max_seconds\":20}}},"
                + "\"timeout_seconds\":10,\"retries\":1}", Map.of("greeting.wav", greetingPcm));
        LinkedBlockingQueue<String> messages = subscribe("call.voicemail");
        SimAudioPort caller = modem.simulator().audio();

        modem.simulator().incomingCall("+15550100100");
        // The caller hears the whole greeting before pressing anything.
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), greetingPcm) > 0.8);
        byte[] spoken = PcmSignals.tone(700, Duration.ofSeconds(3), 0.4);
        caller.say(PcmSignals.dtmf('1', 0.3));
        caller.say(PcmSignals.silence(Duration.ofMillis(800))); // the beep plays meanwhile
        caller.say(spoken);
        await().atMost(WAIT).until(() -> !caller.speaking());
        modem.simulator().remoteHangup();

        String event = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).contains("\"type\":\"call.voicemail\"").contains("+15550100100");
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event).get("data");
        double seconds = data.get("duration_seconds").asDouble();
        assertThat(seconds).isBetween(3.0, 4.5);
        HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/voicemail/" + data.get("id").asText() + ".wav")).header("Authorization", "Bearer " + KEY)
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
        byte[] recorded = Arrays.copyOfRange(wav.body(), WavWriter.HEADER_BYTES, wav.body().length);
        assertThat(PcmSignals.normalizedCorrelation(recorded, spoken)).isGreaterThan(0.8);
    }

    @Test
    void aWrongDigitGetsTheInvalidPromptAndTheRetryRunsTheOption() throws Exception {
        byte[] greetingPcm = PcmSignals.tone(500, Duration.ofMillis(1500), 0.4);
        byte[] invalidPcm = PcmSignals.tone(900, Duration.ofSeconds(1), 0.4);
        byte[] hoursPcm = PcmSignals.tone(1300, Duration.ofSeconds(1), 0.4);
        start("{\"greeting\":\"greeting.wav\",\"invalid\":\"invalid.wav\",\"options\":{"
                        + "\"1\":{\"voicemail\":{\"max_seconds\":20}},\"2\":{\"play\":\"hours.wav\"}},"
                        + "\"timeout_seconds\":10,\"retries\":2}",
                Map.of("greeting.wav", greetingPcm, "invalid.wav", invalidPcm, "hours.wav", hoursPcm));
        LinkedBlockingQueue<String> choices = subscribe("call.ivr");
        SimAudioPort caller = modem.simulator().audio();

        modem.simulator().incomingCall("+15550100100");
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), greetingPcm) > 0.8);
        caller.say(PcmSignals.dtmf('7', 0.3)); // no option 7, in-band only
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), invalidPcm) > 0.8);
        caller.clearHeard();
        // The menu plays again (the retry); this time the caller picks a real option.
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), greetingPcm) > 0.8);
        assertThat(PcmSignals.normalizedCorrelation(caller.heard(), hoursPcm)).isLessThan(0.5);
        caller.say(PcmSignals.dtmf('2', 0.3));
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), hoursPcm) > 0.8);

        String chosen = choices.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(chosen).contains("\"type\":\"call.ivr\"").contains("\"option\":\"2\"");
        modem.simulator().remoteHangup();
        await().atMost(WAIT).until(() -> logged("Voice: menu done"));
        assertThat(choices).isEmpty(); // the wrong digit was no choice
        assertThat(warningsAndErrors()).isEmpty();
    }

    @Test
    void aHangUpMidGreetingLeavesNoVoicemailNoErrorAndTheNextCallIsServed() throws Exception {
        byte[] greetingPcm = PcmSignals.tone(500, Duration.ofSeconds(6), 0.4);
        start("{\"greeting\":\"greeting.wav\",\"options\":{\"1\":{\"voicemail\":{\"max_seconds\":20}}},"
                + "\"timeout_seconds\":10,\"retries\":1}", Map.of("greeting.wav", greetingPcm));
        SimAudioPort caller = modem.simulator().audio();
        byte[] firstSecond = Arrays.copyOf(greetingPcm, 16_000);

        modem.simulator().incomingCall("+15550100100");
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), firstSecond) > 0.8);
        modem.simulator().remoteHangup();
        await().atMost(WAIT).until(() -> logged("Voice: menu done (CALLER_HUNG_UP"));
        assertThat(caller.heard().length).isLessThan(greetingPcm.length);
        assertThat(BearerHttp.json(client.get("/voicemail")).get("voicemail")).isEmpty();
        assertThat(warningsAndErrors()).isEmpty();

        caller.clearHeard();
        modem.simulator().incomingCall("+15550100100");
        await().atMost(WAIT).until(() -> PcmSignals.normalizedCorrelation(caller.heard(), firstSecond) > 0.8);
        modem.simulator().remoteHangup();
        await().atMost(WAIT).until(() -> events().stream()
                .filter(e -> e.getFormattedMessage().contains("Voice: menu done")).count() == 2);
        assertThat(warningsAndErrors()).isEmpty();
    }
}
