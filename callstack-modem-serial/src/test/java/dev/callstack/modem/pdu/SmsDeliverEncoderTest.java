package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SmsDeliverEncoderTest {
    private static final PhoneNumber FROM = PhoneNumber.of("+12025550143");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 26, 21, 5, 9, 0, ZoneOffset.ofHours(1));

    private static SmsDeliver decode(String hex) throws PduFormatException {
        return PduDecoder.decodeDeliver(hex);
    }

    @Test
    void aShortGsm7TextRoundTripsWithSenderAndTimestamp() throws Exception {
        List<String> pdus = SmsDeliverEncoder.encode(FROM, "Hello {world} €5", SmsEncoding.AUTO, AT, 0);

        assertThat(pdus).hasSize(1);
        SmsDeliver deliver = decode(pdus.get(0));
        assertThat(deliver.originator().value()).isEqualTo("+12025550143");
        assertThat(deliver.originator().numberType()).isEqualTo(NumberType.INTERNATIONAL);
        assertThat(deliver.coding()).isEqualTo(Coding.GSM7);
        assertThat(deliver.text()).isEqualTo("Hello {world} €5");
        assertThat(deliver.serviceCentreTimestamp()).isEqualTo(AT);
        assertThat(deliver.concatenation()).isEmpty();
        assertThat(deliver.smsc()).isEmpty();
    }

    @Test
    void aNonGsmTextIsUcs2AndKeepsSurrogatePairs() throws Exception {
        SmsDeliver deliver = decode(SmsDeliverEncoder.encode(PhoneNumber.of("0201234567"), "Grüße 😀 你好",
                SmsEncoding.AUTO, AT, 0).get(0));

        assertThat(deliver.coding()).isEqualTo(Coding.UCS2);
        assertThat(deliver.text()).isEqualTo("Grüße 😀 你好");
        assertThat(deliver.originator().value()).isEqualTo("0201234567");
        assertThat(deliver.originator().numberType()).isEqualTo(NumberType.UNKNOWN);
    }

    @Test
    void aLongTextIsSplitIntoConcatenatedPartsThatReassemble() throws Exception {
        String text = "Part of a long simulated message. ".repeat(8);
        List<String> pdus = SmsDeliverEncoder.encode(FROM, text, SmsEncoding.AUTO, AT, 42);

        assertThat(pdus).hasSize(2);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < pdus.size(); i++) {
            SmsDeliver part = decode(pdus.get(i));
            assertThat(part.concatenation()).hasValue(new Concatenation(42, 2, i + 1, false));
            joined.append(part.text());
        }
        assertThat(joined).hasToString(text);
    }

    @Test
    void negativeAndQuarterHourZonesRoundTrip() throws Exception {
        for (ZoneOffset zone : List.of(ZoneOffset.ofHoursMinutes(-3, 0), ZoneOffset.ofHoursMinutes(5, 45),
                ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.UTC)) {
            OffsetDateTime at = OffsetDateTime.of(2031, 2, 28, 23, 59, 58, 0, zone);
            assertThat(decode(SmsDeliverEncoder.encode(FROM, "t", SmsEncoding.AUTO, at, 0).get(0))
                    .serviceCentreTimestamp()).isEqualTo(at);
        }
    }

    @Test
    void sameTextAtAnotherSecondIsAnotherPdu() {
        assertThat(SmsDeliverEncoder.encode(FROM, "same", SmsEncoding.AUTO, AT, 0))
                .isNotEqualTo(SmsDeliverEncoder.encode(FROM, "same", SmsEncoding.AUTO, AT.plusSeconds(1), 0));
    }

    @Test
    void badInputIsRejectedPrecisely() {
        assertThatThrownBy(() -> SmsDeliverEncoder.encode(FROM, "", SmsEncoding.AUTO, AT, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SmsDeliverEncoder.encode(FROM, "你好", SmsEncoding.GSM7, AT, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SmsDeliverEncoder.encode(FROM, "x", SmsEncoding.AUTO, AT, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsDeliverEncoder.encode(FROM, "x", SmsEncoding.AUTO,
                AT.withOffsetSameLocal(ZoneOffset.ofHoursMinutesSeconds(1, 0, 30)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quarter hours");
    }

    /**
     * Real single-part DELIVER captures of testdata/pdu-vectors.json, re-encoded from their expected fields: the
     * TPDU matches byte for byte (captures with a non-zero PID/DCS, a header, an alphanumeric sender or the
     * "negative zero" zone octet are outside what the encoder writes).
     */
    @Test
    void reproducesRealDeliverCapturesByteForByte() throws Exception {
        List<String> checked = new ArrayList<>();
        for (JsonNode v : PduVectorsTest.vectors()) {
            JsonNode e = v.get("expected");
            if (!v.get("kind").asText().equals("deliver") || !e.has("text") || e.get("text").asText().isEmpty()
                    || e.has("concat") || !e.has("sender") || !e.has("sender_toa") || !e.has("timestamp")
                    || !e.has("coding")
                    || !e.has("timestamp_utc_offset_min")) {
                continue;
            }
            byte[] raw = PduHex.parse(v.get("pdu").asText());
            String tpdu = v.get("pdu").asText().substring(2 + 2 * (raw[0] & 0xFF)).toUpperCase(Locale.ROOT);
            String sender = e.get("sender").asText();
            String toa = e.get("sender_toa").asText();
            String coding = e.get("coding").asText();
            String dcs = coding.equals("ucs2") ? "08" : "00";
            int addressHex = 4 + ((sender.replace("+", "").length() + 1) / 2) * 2;
            String afterAddress = tpdu.length() >= 2 + addressHex + 18 ? tpdu.substring(2 + addressHex) : "";
            if (!tpdu.startsWith("04") || !(toa.equals("91") || toa.equals("81")) || !PhoneNumber.isValid(sender)
                    || !afterAddress.startsWith("00" + dcs) || afterAddress.substring(4 + 12, 4 + 14).equals("08")) {
                continue;
            }
            OffsetDateTime at = OffsetDateTime.parse(e.get("timestamp").asText());
            SmsEncoding encoding = coding.equals("ucs2") ? SmsEncoding.UCS2 : SmsEncoding.GSM7;
            List<String> pdus = SmsDeliverEncoder.encode(PhoneNumber.of(sender), e.get("text").asText(), encoding,
                    at, 0);
            assertThat(pdus).as(v.get("id").asText()).hasSize(1);
            assertThat(pdus.get(0)).as(v.get("id").asText()).isEqualTo("00" + tpdu);
            checked.add(v.get("id").asText());
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(3);
    }
}
