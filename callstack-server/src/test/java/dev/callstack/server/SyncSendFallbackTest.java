package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An embedder's {@code Modem} without an outbox keeps the synchronous {@code POST /sms/send} of earlier versions
 * (200 with the reference once the modem answered, modem errors as 4xx/5xx), and has no {@code /sms/outbox} routes.
 */
@ExtendWith(NoPiiInLogs.class)
class SyncSendFallbackTest {
    private static final String NUMBER = "+15550100100";
    private static final String SMS = "{\"to\":\"" + NUMBER + "\",\"body\":\"hi\"}";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.serving(fake -> new ModemWithSms(fake, new ModemWithSms.Forwarding(fake.sms())),
                builder -> builder.apiKey(PLAIN_KEY, Privilege.SEND));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> sendSms(String json) {
        return server.post("/sms/send", PLAIN_KEY, json);
    }

    @Test
    void aSendAnswersWithReferenceAndPartsOnceTheModemAccepted() {
        server.modem.nextSendSucceeds(42);
        assertJson(sendSms(SMS), 200, "{\"status\":\"sent\",\"to\":\"" + NUMBER + "\",\"reference\":42,\"parts\":1}");
    }

    @Test
    void modemErrorsKeepTheirStatuses() {
        server.modem.nextSendInvalid();
        assertJson(sendSms(SMS), 400, "{\"error\":\"invalid SMS request\"}");
        server.modem.nextSendTimesOut();
        assertJson(sendSms(SMS), 504, "{\"error\":\"SMS send timed out\"}");
        server.modem.nextSendRejected();
        assertJson(sendSms(SMS), 502, "{\"error\":\"SMS send failed\"}");
        server.modem.nextSendUnavailable();
        assertJson(sendSms(SMS), 503, "{\"error\":\"modem not connected\"}");
    }

    @Test
    void thereAreNoOutboxRoutes() {
        assertThat(server.get("/sms/outbox", PLAIN_KEY).statusCode()).isEqualTo(404);
        assertThat(server.get("/sms/outbox/1", PLAIN_KEY).statusCode()).isEqualTo(404);
    }
}
