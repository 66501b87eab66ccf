package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole voice path over real parts: the AT simulator playing a SIM7600 with its audio port, the AT stack's audio
 * link, the server's plan runner, SQLite and the HTTP and WebSocket APIs. A scripted caller rings, hears the greeting,
 * presses 1 with in-band tones (no URC), speaks a 3 s tone and hangs up.
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

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCallerHearsTheGreetingPressesOneAndLeavesAVoicemail() throws Exception {
        byte[] greetingPcm = PcmSignals.tone(500, Duration.ofMillis(1500), 0.4);
        WavWriter.write(dir.resolve("greeting.wav"), AudioClip.ofPcm("greeting", greetingPcm));
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"greeting\":\"greeting.wav\","
                + "\"options\":{\"1\":{\"voicemail\":{\"max_seconds\":20}}},\"timeout_seconds\":10,\"retries\":1}");
        SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("callstack.db"));
        SimulatorModem modem = SimulatorModem.start(store, QUIET, SimProfile.SIM7600,
                SerialModemConfig.DEFAULT_SWEEP_INTERVAL);
        server = CallstackServer.builder(modem).host("127.0.0.1").port(0).apiKey(KEY, Privilege.CONTENT)
                .rateLimit(0, Duration.ofMinutes(1)).simulated(true).closeModemOnClose(true)
                .quotaDatabase(dir.resolve("callstack.db")).voicePlan(plan).build();
        int port = server.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
        BearerHttp client = new BearerHttp(http, port, KEY, WAIT);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 200);
        assertThat(BearerHttp.json(client.get("/status")).get("voice").toString())
                .isEqualTo("{\"audio_port\":\"open\",\"plan\":\"loaded\"}");
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + KEY)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?events=call.voicemail"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                socket.request(1);
                                return CompletableFuture.completedFuture(null);
                            }
                        }).get(30, TimeUnit.SECONDS);
        assertThat(messages.poll(30, TimeUnit.SECONDS)).contains("\"hello\"");
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
        ws.abort();
    }
}
