package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callstack.core.event.DeliveryStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every vector of testdata/pdu-vectors.json decodes to its {@code expected} block, or is rejected. */
class PduVectorsTest {
    /**
     * The one expectation we deliberately do not follow. The vector's SCTS year is "99"; its expected 2089 comes
     * from libgammu adding 1990 to two-digit years of 90 and above (a typo for 1900: node-pdu says 1999). A
     * decoder has to pick a century; ours reads 90–99 as the 1990s, so this vector is held to 1999.
     */
    private static final Map<String, String> LOCAL_TIME_OVERRIDES = Map.of(
            "gammu-at-sms-09-y99", "1999-03-29T15:16:59");

    /** The vectors of {@code testdata/pdu-vectors.json} on the test classpath (sources in its README.md). */
    static JsonNode vectors() throws IOException {
        try (InputStream in = PduVectorsTest.class.getResourceAsStream("/testdata/pdu-vectors.json")) {
            if (in == null) {
                throw new IOException("testdata/pdu-vectors.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in).get("vectors");
        }
    }

    @Test
    void allVectorsAreCovered() throws IOException {
        assertThat(vectors().size()).isEqualTo(105);
    }

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesAsExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : vectors()) {
            tests.add(DynamicTest.dynamicTest(v.get("id").asText(), () -> check(v)));
        }
        return tests.stream();
    }

    private static void check(JsonNode v) throws PduFormatException {
        String kind = v.get("kind").asText();
        String pdu = v.get("pdu").asText();
        JsonNode e = v.get("expected");
        switch (kind) {
            case "invalid" -> assertThatThrownBy(() -> PduDecoder.decode(pdu))
                    .isInstanceOf(PduFormatException.class);
            case "deliver" -> checkDeliver((SmsDeliver) PduDecoder.decode(pdu), e, v.get("id").asText());
            case "submit" -> checkSubmit((SmsSubmit) PduDecoder.decode(pdu), e);
            case "status_report" -> checkReport((SmsStatusReport) PduDecoder.decode(pdu), e);
            default -> fail("unknown kind " + kind);
        }
    }

    private static void checkDeliver(SmsDeliver d, JsonNode e, String id) {
        checkSmsc(d.smsc(), e);
        assertThat(d.originator().value()).as("sender").isEqualTo(e.get("sender").asText());
        if (e.has("sender_toa")) {
            assertThat(toa(d.originator())).as("sender_toa").isEqualTo(e.get("sender_toa").asText());
        }
        checkBody(d.coding(), d.text(), d.data(), d.userDataHeader(), d.concatenation(), e);
        checkTime(d.serviceCentreTimestamp(), e, "timestamp");
        if (e.has("timestamp_local")) {
            assertThat(d.serviceCentreTimestamp().toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse(LOCAL_TIME_OVERRIDES.getOrDefault(id,
                            e.get("timestamp_local").asText())));
        }
    }

    private static void checkSubmit(SmsSubmit s, JsonNode e) {
        checkSmsc(s.smsc(), e);
        assertThat(s.recipient().value()).as("recipient").isEqualTo(e.get("recipient").asText());
        if (e.has("recipient_toa")) {
            assertThat(toa(s.recipient())).as("recipient_toa").isEqualTo(e.get("recipient_toa").asText());
        }
        assertThat(s.messageReference()).as("message_ref").isEqualTo(e.get("message_ref").asInt());
        assertThat(s.tpduLength()).as("tpdu_length").isEqualTo(e.get("tpdu_length").asInt());
        checkBody(s.coding(), s.text(), s.data(), s.userDataHeader(), s.concatenation(), e);
    }

    private static void checkReport(SmsStatusReport r, JsonNode e) {
        checkSmsc(r.smsc(), e);
        assertThat(r.recipient().value()).as("recipient").isEqualTo(e.get("recipient").asText());
        assertThat(toa(r.recipient())).as("recipient_toa").isEqualTo(e.get("recipient_toa").asText());
        assertThat(r.messageReference()).as("message_ref").isEqualTo(e.get("message_ref").asInt());
        assertThat(r.status()).as("status").isEqualTo(e.get("status").asInt());
        String statusText = e.get("status_text").asText();
        DeliveryStatus expected = statusText.startsWith("received") ? DeliveryStatus.DELIVERED
                : statusText.startsWith("temporary error, SC still trying") ? DeliveryStatus.PENDING
                : DeliveryStatus.FAILED;
        assertThat(r.deliveryStatus()).as("status class of " + statusText).isEqualTo(expected);
        checkTime(r.serviceCentreTimestamp(), e, "timestamp");
        checkTime(r.dischargeTime(), e, "discharge_time");
    }

    private static void checkSmsc(Optional<PduAddress> smsc, JsonNode e) {
        JsonNode expected = e.get("smsc");
        if (expected == null || expected.isNull()) {
            assertThat(smsc).as("smsc").isEmpty();
        } else {
            assertThat(smsc.map(PduAddress::value)).as("smsc").contains(expected.asText());
        }
    }

    private static void checkBody(Coding coding, String text, byte[] data, byte[] header,
                                  Optional<Concatenation> concat, JsonNode e) {
        String expectedCoding = e.get("coding").asText();
        assertThat(coding).as("coding").isEqualTo(switch (expectedCoding) {
            case "gsm7" -> Coding.GSM7;
            case "ucs2" -> Coding.UCS2;
            case "8bit" -> Coding.EIGHT_BIT;
            default -> throw new AssertionError(expectedCoding);
        });
        if (e.has("text")) {
            // For 8-bit data the vectors record the encoder's input text; the octets are that text in Latin-1.
            String actual = coding == Coding.EIGHT_BIT ? new String(data, StandardCharsets.ISO_8859_1) : text;
            assertThat(actual).as("text").isEqualTo(e.get("text").asText());
        }
        if (e.has("data_hex")) {
            assertThat(PduHex.format(data)).as("data_hex").isEqualTo(e.get("data_hex").asText().toUpperCase(Locale.ROOT));
        }
        if (e.has("udh_hex")) {
            assertThat(PduHex.format(header)).as("udh_hex").isEqualTo(e.get("udh_hex").asText().toUpperCase(Locale.ROOT));
        }
        if (e.has("concat")) {
            JsonNode c = e.get("concat");
            assertThat(concat).as("concat").contains(new Concatenation(c.get("ref").asInt(), c.get("total").asInt(),
                    c.get("seq").asInt(), c.get("ref_bits").asInt() == 16));
        }
        if (e.has("multipart")) {
            assertThat(concat.isPresent()).as("multipart").isEqualTo(e.get("multipart").asBoolean());
        }
    }

    private static void checkTime(OffsetDateTime actual, JsonNode e, String field) {
        if (e.has(field)) {
            OffsetDateTime expected = OffsetDateTime.parse(e.get(field).asText());
            assertThat(actual).as(field).isEqualTo(expected);
        }
        if (e.has(field + "_utc_offset_min")) {
            assertThat(actual.getOffset().getTotalSeconds() / 60).as(field + " offset")
                    .isEqualTo(e.get(field + "_utc_offset_min").asInt());
        }
    }

    private static String toa(PduAddress address) {
        return String.format("%02X", address.typeOfAddress());
    }
}
