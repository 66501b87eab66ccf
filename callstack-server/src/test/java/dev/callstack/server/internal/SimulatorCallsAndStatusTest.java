package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import dev.callstack.server.BearerHttp;
import dev.callstack.server.CallstackServer;
import dev.callstack.server.NoPiiInLogs;
import dev.callstack.server.Privilege;
import dev.callstack.testkit.sim.SimProfile;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over the real AT stack and the AT simulator: the call routes drive {@code ATD}/{@code AT+VTS}/
 * {@code ATH}, {@code /status} shows what the simulated device reports (its identity numbers to admin keys only),
 * {@code /healthz} follows its registration. Neither the dialled number nor an identity number reaches the logs.
 */
@ExtendWith(NoPiiInLogs.class)
class SimulatorCallsAndStatusTest {
    private static final String KEY = "simulator-calls-key-Hs4";
    private static final String ADMIN_KEY = "simulator-admin-key-Pq7";
    private static final String NUMBER = "+15550100177";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** No background activity: a ringing call from the activity would race the test's own call. */
    private static final SimulatorActivity.Schedule QUIET = new SimulatorActivity.Schedule(Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1),
            Duration.ofHours(1));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT).build();
    private CallstackServer server;
    private int port;
    private BearerHttp client;

    private SimulatorModem start(SimProfile profile) throws InterruptedException {
        SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("callstack.db"));
        SimulatorModem modem = SimulatorModem.start(store, QUIET, profile, SerialModemConfig.DEFAULT_SWEEP_INTERVAL);
        return serve(modem);
    }

    private <M extends dev.callstack.core.Modem> M serve(M modem) throws InterruptedException {
        server = CallstackServer.builder(modem).host("127.0.0.1").port(0).apiKey(KEY, Privilege.CALLS)
                .apiKey(ADMIN_KEY, Privilege.ADMIN)
                .rateLimit(0, Duration.ofMinutes(1)).simulated(true).closeModemOnClose(true).build();
        port = server.start();
        client = new BearerHttp(http, port, KEY, WAIT);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 200);
        return modem;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theIdentityNumbersTheInitReadAreShownToAdminKeysOnly() throws Exception {
        SimulatorModem modem = start(SimProfile.SIM800);
        assertThat(modem.simulator().commands()).contains("AT+CGSN", "AT+CIMI", "AT+CCID");
        BearerHttp admin = new BearerHttp(http, port, ADMIN_KEY, WAIT);
        // Connected and identity are published one after the other: wait for both.
        await().atMost(WAIT).until(() -> BearerHttp.json(admin.get("/status")).get("identity").get("imei").isTextual());
        JsonNode identity = BearerHttp.json(admin.get("/status")).get("identity");
        // The simulator's SIM800 answers (testkit Sim800Commands).
        assertThat(identity.get("imei").asText()).isEqualTo("490154203237518");
        assertThat(identity.get("imsi").asText()).isEqualTo("001010123456789");
        assertThat(identity.get("iccid").asText()).isEqualTo("89001012012345678901");
        assertThat(BearerHttp.json(client.get("/status")).has("identity")).isFalse();
    }

    @Test
    void callRoutesDriveTheAtStack() throws Exception {
        SimulatorModem modem = start(SimProfile.SIM800);
        assertThat(call("/calls/current")).isEqualTo("idle");

        HttpResponse<String> dialled = client.post("/calls/dial", "{\"to\":\"" + NUMBER + "\"}");
        assertThat(dialled.statusCode()).as(dialled.body()).isEqualTo(200);
        assertThat(BearerHttp.json(dialled).get("state").asText()).isEqualTo("dialing");
        assertThat(modem.simulator().commands()).contains("ATD" + NUMBER + ";");
        assertThat(client.post("/calls/dial", "{\"to\":\"" + NUMBER + "\"}").body())
                .isEqualTo("{\"error\":\"call already in progress\"}");
        assertThat(client.post("/calls/dtmf", "{\"digits\":\"5\"}").body()).isEqualTo("{\"error\":\"call not active\"}");

        modem.simulator().answerCall();
        await().atMost(WAIT).until(() -> call("/calls/current").equals("active"));
        HttpResponse<String> tones = client.post("/calls/dtmf", "{\"digits\":\"1#\"}");
        assertThat(tones.statusCode()).as(tones.body()).isEqualTo(200);
        assertThat(modem.simulator().commands()).contains("AT+VTS=1", "AT+VTS=#");

        HttpResponse<String> hungUp = client.post("/calls/hangup", "");
        assertThat(hungUp.statusCode()).as(hungUp.body()).isEqualTo(200);
        assertThat(BearerHttp.json(hungUp).get("state").asText()).isEqualTo("idle");
        assertThat(modem.simulator().commands()).contains("ATH");
        HttpResponse<String> again = client.post("/calls/hangup", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"no call in progress\"}");
    }

    @Test
    void healthIsDegradedWhileTheModemIsNotRegistered() throws Exception {
        SimulatorModem modem = start(SimProfile.SIM800);
        modem.simulator().registration(0);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 503);
        JsonNode health = BearerHttp.json(client.get("/healthz"));
        assertThat(health.get("reason").asText()).isEqualTo("not_registered");
        assertThat(BearerHttp.json(client.get("/status")).get("network").get("registration").asText()).isEqualTo("not_registered");
        modem.simulator().registration(1);
        await().atMost(WAIT).until(() -> client.get("/healthz").statusCode() == 200);
    }

    @Test
    void theEc25ProfileShowsInStatus() throws Exception {
        OpenedModem opened = ModemFactory.open("simulator:ec25", null, dir.resolve("ec25.db"), Duration.ZERO,
                Duration.ofSeconds(30));
        SimulatorModem modem = serve((SimulatorModem) opened.modem());
        assertThat(modem.simulator().profile()).isEqualTo(SimProfile.EC25);
        await().atMost(WAIT).until(() -> BearerHttp.json(client.get("/status")).get("modem").get("profile").isTextual());
        JsonNode status = BearerHttp.json(client.get("/status"));
        assertThat(status.get("simulated").asBoolean()).isTrue();
        assertThat(status.get("modem").get("model").asText()).isEqualTo("EC25");
        assertThat(status.get("modem").get("manufacturer").asText()).containsIgnoringCase("quectel");
        assertThat(status.get("modem").get("profile").asText()).isNotIn("generic", "sim800");
        assertThat(status.has("identity")).isFalse();
    }

    @Test
    void plainSimulatorIsTheSim800AndAnUnknownProfileIsRefusedByName() {
        assertThat(ModemFactory.simulatorProfile("simulator")).isEqualTo(SimProfile.SIM800);
        assertThat(ModemFactory.simulatorProfile("simulator:HUAWEI")).isEqualTo(SimProfile.HUAWEI);
        assertThat(ModemFactory.simulatorProfile("/dev/ttyUSB2")).isNull();
        assertThatThrownBy(() -> ModemFactory.open("simulator:nokia3310", null, dir.resolve("x.db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--modem simulator:nokia3310: unknown simulator profile 'nokia3310' "
                        + "(sim800, sim7600, ec25, huawei)");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    private String call(String path) {
        return BearerHttp.json(client.get(path)).get("state").asText();
    }
}
