package dev.callstack.server;

import static dev.callstack.server.TestServer.PLAIN_KEY;
import static dev.callstack.server.TestServer.READ_KEY;
import static dev.callstack.server.TestServer.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.CallState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The call routes over a {@link dev.callstack.testkit.FakeModem}: every route's success and every error. */
@ExtendWith(NoPiiInLogs.class)
class CallRoutesTest {
    private static final String CALLS_KEY = "calls-key-Lm93kT";
    private static final String LIMITED_KEY = "calls-limited-key-Pq28";
    private static final String NUMBER = "+15550100100";
    private static final String NO_CALL = "{\"error\":\"no call in progress\"}";
    private static final String IN_PROGRESS = "{\"error\":\"call already in progress\"}";
    private static final String INVALID_DTMF = "{\"error\":\"invalid 'digits': 1 to 32 of 0-9 * # A-D\"}";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(b -> b.apiKey(CALLS_KEY, Privilege.CALLS)
                .apiKey(LIMITED_KEY, java.util.Set.of(Privilege.CALLS), 0, List.of("+44")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void dialCallsTheNumberAndAnswersTheCallState() {
        assertJson(server.get("/calls/current", CALLS_KEY), 200, "{\"state\":\"idle\"}");
        assertJson(server.post("/calls/dial", CALLS_KEY, "{\"to\":\"" + NUMBER + "\"}"), 200,
                "{\"state\":\"active\"}");
        assertThat(server.modem.dials()).containsExactly(PhoneNumber.of(NUMBER));
        assertJson(server.get("/calls/current", CALLS_KEY), 200, "{\"state\":\"active\"}");
    }

    @Test
    void dialWhileACallIsUnderWayIs409() {
        server.modem.callState(CallState.ACTIVE);
        assertJson(server.post("/calls/dial", CALLS_KEY, "{\"to\":\"" + NUMBER + "\"}"), 409, IN_PROGRESS);
        server.modem.ring("+447700900123");
        assertJson(server.post("/calls/dial", CALLS_KEY, "{\"to\":\"" + NUMBER + "\"}"), 409, IN_PROGRESS);
        assertThat(server.modem.dials()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"to\":\"\"}", "{\"to\":\"not a number\"}", "{\"to\":\"+12\"}", "{\"to\":5}"})
    void dialWithoutAValidNumberIs400(String body) {
        HttpResponseAssert.status(server.post("/calls/dial", CALLS_KEY, body), 400);
        assertThat(server.modem.dials()).isEmpty();
    }

    @Test
    void dialOutsideTheKeysPrefixesIs403() {
        assertJson(server.post("/calls/dial", LIMITED_KEY, "{\"to\":\"" + NUMBER + "\"}"), 403,
                "{\"error\":\"recipient not allowed\"}");
        assertThat(server.modem.dials()).isEmpty();
    }

    @Test
    void answerTakesTheRingingCall() {
        assertJson(server.post("/calls/answer", CALLS_KEY, ""), 409, NO_CALL);
        server.modem.ring("+447700900123");
        assertJson(server.get("/calls/current", CALLS_KEY), 200, "{\"state\":\"ringing\"}");
        assertJson(server.post("/calls/answer", CALLS_KEY, ""), 200, "{\"state\":\"active\"}");
        assertJson(server.post("/calls/answer", CALLS_KEY, ""), 409, IN_PROGRESS);
    }

    @Test
    void hangupEndsTheCallAndWithoutOneIs409() {
        assertJson(server.post("/calls/hangup", CALLS_KEY, ""), 409, NO_CALL);
        server.modem.callState(CallState.ACTIVE);
        assertJson(server.post("/calls/hangup", CALLS_KEY, ""), 200, "{\"state\":\"idle\"}");
        assertJson(server.get("/calls/current", CALLS_KEY), 200, "{\"state\":\"idle\"}");
    }

    @Test
    void dtmfGoesIntoTheActiveCall() {
        assertJson(server.post("/calls/dtmf", CALLS_KEY, "{\"digits\":\"12#\"}"), 409, NO_CALL);
        server.modem.callState(CallState.ACTIVE);
        assertJson(server.post("/calls/dtmf", CALLS_KEY, "{\"digits\":\"0123456789*#ABCD\"}"), 200,
                "{\"state\":\"active\"}");
        assertThat(server.modem.dtmfSent()).containsExactly("0123456789*#ABCD");
    }

    @Test
    void dtmfIntoARingingCallIs409NotActive() {
        server.modem.ring("+447700900123");
        assertJson(server.post("/calls/dtmf", CALLS_KEY, "{\"digits\":\"1\"}"), 409,
                "{\"error\":\"call not active\"}");
        assertThat(server.modem.dtmfSent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"digits\":\"\"}", "{\"digits\":\"12x\"}", "{\"digits\":\"abcd\"}",
            "{\"digits\":7}", "{\"digits\":\"123456789012345678901234567890123\"}"})
    void dtmfWithInvalidDigitsIs400(String body) {
        server.modem.callState(CallState.ACTIVE);
        assertJson(server.post("/calls/dtmf", CALLS_KEY, body), 400, INVALID_DTMF);
        assertThat(server.modem.dtmfSent()).isEmpty();
    }

    @Test
    void thirtyTwoDigitsAreAccepted() {
        server.modem.callState(CallState.ACTIVE);
        String digits = "12345678901234567890123456789012";
        assertJson(server.post("/calls/dtmf", CALLS_KEY, "{\"digits\":\"" + digits + "\"}"), 200,
                "{\"state\":\"active\"}");
        assertThat(server.modem.dtmfSent()).containsExactly(digits);
    }

    @Test
    void everyCallRouteWithTheModemGoneIs503() {
        server.modem.disconnect("unplugged");
        String unavailable = "{\"error\":\"modem not connected\"}";
        assertJson(server.post("/calls/dial", CALLS_KEY, "{\"to\":\"" + NUMBER + "\"}"), 503, unavailable);
        assertJson(server.post("/calls/answer", CALLS_KEY, ""), 503, unavailable);
        assertJson(server.post("/calls/hangup", CALLS_KEY, ""), 503, unavailable);
        assertJson(server.post("/calls/dtmf", CALLS_KEY, "{\"digits\":\"1\"}"), 503, unavailable);
    }

    @Test
    void keysWithoutTheCallsPrivilegeAre403() {
        for (String key : List.of(PLAIN_KEY, READ_KEY)) {
            String missing = "{\"error\":\"missing privilege 'calls'\"}";
            assertJson(server.post("/calls/dial", key, "{\"to\":\"" + NUMBER + "\"}"), 403, missing);
            assertJson(server.post("/calls/answer", key, ""), 403, missing);
            assertJson(server.post("/calls/hangup", key, ""), 403, missing);
            assertJson(server.post("/calls/dtmf", key, "{\"digits\":\"1\"}"), 403, missing);
            assertJson(server.get("/calls/current", key), 403, missing);
        }
        assertThat(server.modem.dials()).isEmpty();
    }

    @Test
    void wrongMethodIs405() {
        assertThat(server.get("/calls/dial", CALLS_KEY).statusCode()).isEqualTo(405);
        assertThat(server.post("/calls/current", CALLS_KEY, "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void callRoutesAreCountedUnderTheirOwnLabel() {
        server.post("/calls/hangup", CALLS_KEY, "");
        assertThat(server.metric("callstack_http_requests_total{route=\"/calls/hangup\",status=\"4xx\"}"))
                .isEqualTo(1.0);
    }

    /** Status only, for errors whose message names the field. */
    private static final class HttpResponseAssert {
        static void status(java.net.http.HttpResponse<String> response, int status) {
            assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
            assertThat(TestServer.json(response).get("error").isTextual()).isTrue();
        }
    }
}
