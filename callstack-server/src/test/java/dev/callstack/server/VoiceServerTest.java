package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.event.CallState;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.VoiceStatus;
import dev.callstack.core.voice.VoicemailBox;
import dev.callstack.testkit.FakeCallSession;
import java.time.Duration;
import dev.callstack.modem.voice.WavWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceServerTest {
    private static final String CALLER = "+15550100100";
    private static final String CALLS_KEY = "calls-only-key-Vt58cR";

    @TempDir
    Path dir;
    private TestServer server;
    private final FakeCallSession call = new FakeCallSession();
    private final List<WsClient> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @BeforeEach
    void clips() throws IOException {
        WavWriter.write(dir.resolve("greeting.wav"), tone("greeting", 440, 8000));
        WavWriter.write(dir.resolve("hours.wav"), tone("hours", 660, 4000));
    }

    @AfterEach
    void close() {
        clients.forEach(WsClient::close);
        if (server != null) {
            server.close();
        }
        LogCapture.assertNoPii();
    }

    private Path plan(String json) throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, json);
        return plan;
    }

    private void start(boolean audio, Consumer<CallstackServerBuilder> customize) {
        server = TestServer.serving(fake -> {
            if (audio) {
                fake.voice().status(VoiceStatus.OPEN);
                fake.voice().session(call);
            }
            return fake;
        }, builder -> {
            builder.apiKey(TestServer.CONTENT_KEY, Privilege.SEND, Privilege.CONTENT)
                    .apiKey(TestServer.PLAIN_KEY, Privilege.SEND)
                    .apiKey(CALLS_KEY, Privilege.CALLS)
                    .voicemailDirectory(dir.resolve("vm"));
            customize.accept(builder);
        });
    }

    private static AudioClip tone(String name, double hz, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return AudioClip.ofSamples(name, pcm);
    }

    @Test
    void statusSaysAbsentAndNoneWithoutAudioPortOrPlan() {
        start(false, builder -> { });
        JsonNode status = TestServer.json(server.get("/status", TestServer.PLAIN_KEY));
        assertThat(status.get("voice").toString()).isEqualTo("{\"audio_port\":\"absent\",\"plan\":\"none\"}");
    }

    @Test
    void withoutAudioPortAPlanAnswersNothingAndCallsStillWork() throws IOException {
        Path plan = plan("{\"greeting\":\"greeting.wav\",\"options\":{\"1\":{\"voicemail\":{}}}}");
        start(false, builder -> builder.voicePlan(plan));
        assertThat(TestServer.json(server.get("/status", TestServer.PLAIN_KEY)).get("voice").toString())
                .isEqualTo("{\"audio_port\":\"absent\",\"plan\":\"loaded\"}");
        server.modem.ring(CALLER);
        server.modem.ring(CALLER);
        await().atMost(TestServer.TIMEOUT).until(() -> LogCapture.install().lines().stream()
                .anyMatch(line -> line.contains("not answered (audio port ABSENT)")));
        assertThat(server.modem.calls().state()).isEqualTo(CallState.RINGING);
        assertThat(server.post("/calls/answer", CALLS_KEY, "").statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerPressesOneAndLeavesAVoicemailThatIsStoredServedAndAnnounced() throws Exception {
        Path plan = plan("{\"answer\":{\"from\":[\"+1555*\"],\"after_rings\":2},\"greeting\":\"greeting.wav\","
                + "\"options\":{\"1\":{\"voicemail\":{\"max_seconds\":120}},\"2\":{\"play\":\"hours.wav\"}},"
                + "\"timeout_seconds\":6,\"retries\":2}");
        start(true, builder -> builder.voicePlan(plan));
        assertThat(TestServer.json(server.get("/status", TestServer.PLAIN_KEY)).get("voice").toString())
                .isEqualTo("{\"audio_port\":\"open\",\"plan\":\"loaded\"}");
        WsClient content = WsClient.connect(server, "/ws?events=call.voicemail,call.ivr", TestServer.CONTENT_KEY);
        WsClient plain = WsClient.connect(server, "/ws?events=call.voicemail,call.ivr", TestServer.PLAIN_KEY);
        clients.add(content);
        clients.add(plain);
        content.next(); // hello
        plain.next();
        AudioClip spoken = tone("caller", 700, 3 * 8000);
        call.press("9").press("1").callerSays(spoken).hangUpWhileRecording();

        server.modem.ring(CALLER);
        server.modem.ring(CALLER);

        assertThat(call.awaitEnd(TestServer.TIMEOUT)).isTrue();
        assertThat(call.playedClips()).extracting(AudioClip::name)
                .containsExactly("greeting.wav", "greeting.wav", VoicemailBox.standardBeep().name());
        JsonNode ivr = content.nextJson();
        assertThat(ivr.get("type").asText()).isEqualTo("call.ivr");
        assertThat(ivr.get("data").toString()).isEqualTo("{\"option\":\"1\",\"event\":null}");
        JsonNode event = content.nextJson();
        assertThat(event.get("type").asText()).isEqualTo("call.voicemail");
        String id = event.get("data").get("id").asText();
        assertThat(event.get("data").get("caller").asText()).isEqualTo(CALLER);
        assertThat(event.get("data").get("duration_seconds").asDouble()).isEqualTo(3.0);
        plain.nextJson();
        assertThat(plain.nextJson().get("data").get("caller").asText()).isEqualTo("+***0100");

        JsonNode journaled = TestServer.json(server.get("/events?since=0&events=call.voicemail",
                TestServer.PLAIN_KEY)).get("events");
        assertThat(journaled).hasSize(1);
        assertThat(journaled.get(0).get("data").get("id").asText()).isEqualTo(id);
        assertThat(journaled.get(0).get("data").get("caller").asText()).isEqualTo("+***0100");

        JsonNode listed = TestServer.json(server.get("/voicemail", TestServer.CONTENT_KEY)).get("voicemail");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("caller").asText()).isEqualTo(CALLER);
        assertThat(listed.get(0).get("ending").asText()).isEqualTo("hangup");
        assertThat(TestServer.json(server.get("/voicemail", TestServer.PLAIN_KEY)).get("voicemail").get(0)
                .get("caller").asText()).isEqualTo("+***0100");

        HttpResponse<byte[]> wav = getBytes("/voicemail/" + id + ".wav", TestServer.CONTENT_KEY);
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(wav.body()).isEqualTo(WavWriter.encode(spoken));
        assertThat(server.get("/voicemail/" + id + ".wav", TestServer.PLAIN_KEY).statusCode()).isEqualTo(403);

        Path file = dir.resolve("vm").resolve(id + ".wav");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vm"))))
                .isEqualTo("rwx------");
        try (var names = Files.list(dir.resolve("vm"))) {
            assertThat(names.map(Path::toString)).noneMatch(name -> name.contains("0100"));
        }

        assertThat(server.send(server.request("/voicemail/" + id, TestServer.PLAIN_KEY).DELETE().build())
                .statusCode()).isEqualTo(403);
        assertThat(server.send(server.request("/voicemail/" + id, TestServer.CONTENT_KEY).DELETE().build())
                .statusCode()).isEqualTo(204);
        assertThat(file).doesNotExist();
        assertThat(server.get("/voicemail/" + id + ".wav", TestServer.CONTENT_KEY).statusCode()).isEqualTo(404);
        assertThat(server.send(server.request("/voicemail/" + id, TestServer.CONTENT_KEY).DELETE().build())
                .statusCode()).isEqualTo(404);
        assertThat(TestServer.json(server.get("/voicemail", TestServer.CONTENT_KEY)).get("voicemail")).isEmpty();
    }

    @Test
    void aCallerOutsideAnswerFromIsLeftRinging() throws IOException {
        Path plan = plan("{\"answer\":{\"from\":[\"+49*\"]},\"greeting\":\"greeting.wav\","
                + "\"options\":{\"1\":{\"voicemail\":{}}}}");
        start(true, builder -> builder.voicePlan(plan));
        server.modem.ring(CALLER);
        await().atMost(TestServer.TIMEOUT).until(() -> LogCapture.install().lines().stream()
                .anyMatch(line -> line.contains("not answered (caller not in answer.from)")));
        assertThat(server.modem.calls().state()).isEqualTo(CallState.RINGING);
    }

    @Test
    void badIdsAndTraversalAttemptsGet404OrNoRouteNever500() {
        start(true, builder -> { });
        for (String path : List.of("/voicemail/AAAAAAAAAAAAAAAAAAAAAA.wav", "/voicemail/short.wav",
                "/voicemail/..%2F..%2Fetc%2Fpasswd.wav", "/voicemail/%2e%2e.wav", "/voicemail/x.wav.wav",
                "/voicemail/.wav", "/voicemail/" + "a".repeat(65) + ".wav")) {
            assertThat(server.get(path, TestServer.CONTENT_KEY).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(server.send(server.request("/voicemail/AAAAAAAAAAAAAAAAAAAAAA", TestServer.CONTENT_KEY)
                .DELETE().build()).statusCode()).isEqualTo(404);
        for (String query : List.of("limit=0", "limit=x", "before=-1", "before=0", "limit=100000")) {
            assertThat(server.get("/voicemail?" + query, TestServer.CONTENT_KEY).statusCode()).as(query)
                    .isEqualTo(400);
        }
        assertThat(TestServer.json(server.get("/voicemail", TestServer.PLAIN_KEY)).toString())
                .isEqualTo("{\"voicemail\":[],\"next_before\":null}");
    }

    private HttpResponse<byte[]> getBytes(String path, String key) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(server.request(path, key).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEventOptionIsPublishedWithItsNameAfterTheConfiguredRings() throws Exception {
        Path plan = plan("{\"answer\":{\"after_rings\":3},\"greeting\":\"greeting.wav\","
                + "\"options\":{\"0\":{\"event\":\"operator\"}},\"retries\":0}");
        start(true, builder -> builder.voicePlan(plan));
        WsClient ws = WsClient.connect(server, "/ws?events=call.ivr,call.state", TestServer.PLAIN_KEY);
        clients.add(ws);
        ws.next();
        call.press("0");
        server.modem.ring("");
        server.modem.ring("");
        server.modem.ring("");

        assertThat(call.awaitEnd(TestServer.TIMEOUT)).isTrue();
        assertThat(ws.nextJson().get("data").get("state").asText()).isEqualTo("ringing");
        assertThat(ws.nextJson().get("data").get("state").asText()).isEqualTo("active");
        assertThat(ws.nextJson().get("data").toString()).isEqualTo("{\"option\":\"0\",\"event\":\"operator\"}");
        assertThat(LogCapture.install().lines()).anyMatch(line -> line.contains("answering an incoming call after 3"));
    }

    @Test
    void aCallWaitingDuringAnActiveCallIsNotAnswered() throws Exception {
        Path plan = plan("{\"greeting\":\"greeting.wav\",\"options\":{\"1\":{\"event\":\"x\"}}}");
        start(true, builder -> builder.voicePlan(plan));
        // An outgoing call is up (no plan runs on it); a second caller rings in (RING and +CLIP of a waiting call).
        long answeredBefore = answeringLines();
        server.modem.callState(CallState.ACTIVE);
        server.modem.events().publish(new dev.callstack.core.event.CallRing(java.time.Instant.now()));
        server.modem.events().publish(new dev.callstack.core.event.CallerId(java.time.Instant.now(), CALLER));
        server.modem.events().publish(new dev.callstack.core.event.CallRing(java.time.Instant.now()));
        await().atMost(TestServer.TIMEOUT).until(() -> LogCapture.install().lines().stream()
                .anyMatch(line -> line.contains("a call is waiting during an active call; not answered")));
        assertThat(answeringLines()).isEqualTo(answeredBefore);
        assertThat(call.played()).isEmpty();
    }

    /** The log is the whole test JVM's: count, do not search. */
    private static long answeringLines() {
        return LogCapture.install().lines().stream().filter(line -> line.contains("answering an incoming call"))
                .count();
    }

    @Test
    void aWithheldCallerIsAnsweredOnlyByTheStarPatternOneRingLater() throws Exception {
        Path plan = plan("{\"answer\":{\"from\":[\"+49*\",\"*\"]},\"greeting\":\"greeting.wav\","
                + "\"options\":{\"1\":{\"event\":\"x\"}},\"retries\":0}");
        start(true, builder -> builder.voicePlan(plan));
        // ring() always sends a caller id; a modem without +CLIP sends none: publish the ring alone.
        server.modem.callState(CallState.RINGING);
        server.modem.events().publish(new dev.callstack.core.event.CallRing(java.time.Instant.now()));
        server.modem.events().publish(new dev.callstack.core.event.CallRing(java.time.Instant.now()));
        assertThat(call.awaitEnd(TestServer.TIMEOUT)).isTrue();
        assertThat(LogCapture.install().lines()).anyMatch(line -> line.contains("answering an incoming call after 2"));
    }

    @Test
    void aPlanThatThrowsEndsThatCallButTheNextCallIsServed() throws Exception {
        Path plan = plan("{\"greeting\":\"greeting.wav\",\"options\":{\"1\":{\"voicemail\":{}}}}");
        start(true, builder -> builder.voicePlan(plan));
        server.modem.voice().session(new BrokenSession());
        server.modem.ring(CALLER);
        await().atMost(TestServer.TIMEOUT).until(() -> LogCapture.install().lines().stream()
                .anyMatch(line -> line.contains("the plan failed (java.lang.IllegalStateException)")));
        await().atMost(TestServer.TIMEOUT).until(() -> server.modem.calls().state() == CallState.IDLE);

        server.modem.voice().session(call);
        call.press("1").callerSays(tone("second", 500, 8000)).hangUpWhileRecording();
        server.modem.ring(CALLER);
        await().atMost(TestServer.TIMEOUT).until(() -> TestServer.json(server.get("/voicemail",
                TestServer.PLAIN_KEY)).get("voicemail").size() == 1);
    }

    /** A session whose audio fails outright (not a hang-up): a broken port or a bug. */
    private static final class BrokenSession implements CallSession {
        @Override
        public void play(AudioClip clip) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public void playSequence(List<AudioClip> clips) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public Recording record(RecordOptions options) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public String collectDtmf(int maxDigits, Duration timeout, char terminator) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public String playAndCollect(AudioClip prompt, int maxDigits, Duration timeout, char terminator) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public void sendDtmf(String digits) {
            throw new IllegalStateException("audio port failed");
        }

        @Override
        public void hangUp() {
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            return true;
        }

        @Override
        public boolean isActive() {
            return true;
        }
    }
}
