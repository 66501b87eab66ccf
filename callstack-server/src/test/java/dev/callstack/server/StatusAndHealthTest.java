package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.AccessTechnology;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.Registration;
import dev.callstack.core.SimStatus;
import dev.callstack.core.event.SignalQuality;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /status} (the full {@link ModemStatus}, identity for admin keys only), {@code /healthz}, metrics. */
@ExtendWith(NoPiiInLogs.class)
class StatusAndHealthTest {
    private static final String ADMIN_KEY = "admin-key-Vb61nW";
    private static final String IMEI = "356938035643809";
    private static final String IMSI = "001010123456789";
    private static final String ICCID = "8901260123456789012";
    private static final ModemStatus FULL = new ModemStatus(
            new ModemStatus.Device(true, "SIMCOM_Ltd", "SIMCOM_SIM800L", "Revision:1418B05SIM800L24", "sim800", 2, 1,
                    null, "input flood"),
            new ModemStatus.Sim(SimStatus.READY),
            new ModemStatus.Network(Registration.HOME, AccessTechnology.LTE, "Test Operator",
                    new SignalQuality(Instant.parse("2026-12-04T10:00:00Z"), 21, 0)),
            new ModemStatus.Sms(3, 30, Duration.ofSeconds(60), Instant.parse("2026-12-04T10:00:01.5Z"), 4),
            new ModemStatus.Identity(IMEI, IMSI, ICCID));

    private final AtomicReference<ModemStatus> status = new AtomicReference<>(FULL);
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.serving(fake -> new ForwardingModem(fake) {
            @Override
            public ModemStatus status() {
                return status.get();
            }
        },
                b -> b.apiKey(ADMIN_KEY, Privilege.ADMIN).apiKey(PLAIN_KEY, Privilege.SEND).apiKey(READ_KEY)
                        .apiKey(TestServer.CONTENT_KEY, Privilege.CONTENT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void statusShowsEveryFactWithoutIdentityForOrdinaryKeys() {
        String expected = """
                {"simulated":false,"transport":"%s",
                 "modem":{"connected":true,"manufacturer":"SIMCOM_Ltd","model":"SIMCOM_SIM800L",
                          "firmware":"Revision:1418B05SIM800L24","profile":"sim800","restarts":2,
                          "flood_disconnects":1,"halt_reason":null,"last_disconnect":"input flood"},
                 "sim":{"state":"ready"},
                 "network":{"registration":"home","technology":"lte","operator":"Test Operator","rssi":21,"dbm":-71},
                 "sms":{"storage_used":3,"storage_total":30,"sweep_interval_seconds":60,
                        "last_sweep":"2026-12-04T10:00:01.500Z","undecodable":4},
                 "voice":{"audio_port":"absent","plan":"none"}}""".formatted(server.server.transport());
        assertJson(server.get("/status", PLAIN_KEY), 200, expected);
        assertJson(server.get("/status", READ_KEY), 200, expected);
    }

    @Test
    void identityOnlyForAdminKeys() {
        JsonNode json = TestServer.json(server.get("/status", ADMIN_KEY));
        assertThat(json.get("identity").get("imei").asText()).isEqualTo(IMEI);
        assertThat(json.get("identity").get("imsi").asText()).isEqualTo(IMSI);
        assertThat(json.get("identity").get("iccid").asText()).isEqualTo(ICCID);
        assertThat(TestServer.json(server.get("/status", PLAIN_KEY)).has("identity")).isFalse();
        assertThat(server.get("/status", READ_KEY).body()).doesNotContain(IMEI, IMSI, ICCID);
        assertThat(LogCapture.install().lines()).noneMatch(line -> line.contains(IMEI) || line.contains(IMSI)
                || line.contains(ICCID));
    }

    @Test
    void unknownFactsAreNull() {
        status.set(new ModemStatus(new ModemStatus.Device(false, null, null, null, null, 0, 0, "SIM PUK required",
                null), new ModemStatus.Sim(SimStatus.PUK_REQUIRED),
                new ModemStatus.Network(Registration.UNKNOWN, AccessTechnology.UNKNOWN, null,
                        new SignalQuality(Instant.EPOCH, SignalQuality.UNKNOWN, SignalQuality.UNKNOWN)),
                ModemStatus.Sms.UNKNOWN, ModemStatus.Identity.UNKNOWN));
        assertJson(server.get("/status", PLAIN_KEY), 200, """
                {"simulated":false,"transport":"%s",
                 "modem":{"connected":false,"manufacturer":null,"model":null,"firmware":null,"profile":null,
                          "restarts":0,"flood_disconnects":0,"halt_reason":"SIM PUK required","last_disconnect":null},
                 "sim":{"state":"puk_required"},
                 "network":{"registration":"unknown","technology":"unknown","operator":null,"rssi":null,"dbm":null},
                 "sms":{"storage_used":null,"storage_total":null,"sweep_interval_seconds":0,"last_sweep":null,
                        "undecodable":0},
                 "voice":{"audio_port":"absent","plan":"none"}}""".formatted(server.server.transport()));
        JsonNode admin = TestServer.json(server.get("/status", ADMIN_KEY)).get("identity");
        assertThat(admin.get("imei").isNull()).isTrue();
    }

    @Test
    void healthIsDegradedWhileNotRegistered() {
        for (Registration registration : new Registration[] {Registration.NOT_REGISTERED, Registration.SEARCHING,
                Registration.DENIED, Registration.UNKNOWN}) {
            server.modem.registration(registration);
            HttpResponse<String> response = server.get("/healthz", PLAIN_KEY);
            assertThat(response.statusCode()).as("%s", registration).isEqualTo(503);
            JsonNode json = TestServer.json(response);
            assertThat(json.get("status").asText()).isEqualTo("degraded");
            assertThat(json.get("reason").asText()).isEqualTo("not_registered");
            assertThat(json.get("registration").asText()).isEqualTo(registration.name().toLowerCase(java.util.Locale.ROOT));
        }
        server.modem.registration(Registration.ROAMING);
        HttpResponse<String> roaming = server.get("/healthz", PLAIN_KEY);
        assertThat(roaming.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(roaming).has("reason")).isFalse();
        assertThat(TestServer.json(roaming).get("registration").asText()).isEqualTo("roaming");
    }

    @Test
    void healthNamesTheFirstReason() {
        server.modem.disconnect("unplugged");
        HttpResponse<String> response = server.get("/healthz", PLAIN_KEY);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(response).get("reason").asText()).isEqualTo("modem_disconnected");
    }

    @Test
    void healthSaysWhenTheStoreIsUnavailable() {
        try (TestServer broken = TestServer.start(b -> b.storeReady(() -> false))) {
            HttpResponse<String> response = broken.get("/healthz", PLAIN_KEY);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(response).get("reason").asText()).isEqualTo("store_unavailable");
        }
    }

    @Test
    void modemHealthCountersAreMetrics() {
        assertThat(server.metric("callstack_modem_restarts_total")).isEqualTo(2.0);
        assertThat(server.metric("callstack_modem_flood_disconnects_total")).isEqualTo(1.0);
        assertThat(server.metric("callstack_sms_undecodable_total")).isEqualTo(4.0);
        assertThat(server.metric("callstack_network_registration{registration=\"home\"}")).isEqualTo(1.0);
        assertThat(server.metric("callstack_network_registration{registration=\"roaming\"}")).isEqualTo(0.0);
        status.set(new ModemStatus(FULL.modem(), FULL.sim(), new ModemStatus.Network(Registration.ROAMING,
                AccessTechnology.GSM, null, null), FULL.sms(), FULL.identity()));
        assertThat(server.metric("callstack_network_registration{registration=\"home\"}")).isEqualTo(0.0);
        assertThat(server.metric("callstack_network_registration{registration=\"roaming\"}")).isEqualTo(1.0);
    }
}
