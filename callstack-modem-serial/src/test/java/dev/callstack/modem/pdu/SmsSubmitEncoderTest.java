package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsSubmitEncoderTest {
    private static final PhoneNumber TO = PhoneNumber.of("+15555551234");

    private static List<SubmitPdu> encode(String text, SmsEncoding encoding) {
        return SmsSubmitEncoder.encode(new SubmitRequest(TO, text, encoding, false, null, 7, false));
    }

    private static SmsSubmit decode(SubmitPdu pdu) throws PduFormatException {
        return (SmsSubmit) PduDecoder.decode(pdu.hex());
    }

    /**
     * The encoder golden vectors of testdata/pdu-vectors.json, re-encoded byte for byte (TPDU only: we always send
     * "00").
     */
    @Test
    void reproducesTheEncoderGoldenVectors() throws Exception {
        Map<String, String> fullTexts = new java.util.HashMap<>();
        List<String> checked = new ArrayList<>();
        for (JsonNode v : PduVectorsTest.vectors()) {
            JsonNode in = v.get("encode_input");
            if (in == null || in.has("class") || in.has("dcs") || in.has("vp_absolute")) {
                continue; // message class, 8-bit and absolute validity are not encoder features
            }
            String id = v.get("id").asText();
            String text = in.get("text").asText();
            String group = id.replaceAll("-\\d+$", "");
            if (text.equals("(same message)")) {
                text = fullTexts.get(group);
            } else {
                fullTexts.put(group, text);
            }
            Duration validity = null;
            if (in.has("vp_octet")) {
                validity = ValidityPeriod.duration(Integer.parseInt(in.get("vp_octet").asText(), 16));
            } else if (in.has("validity_relative")) {
                validity = Duration.ofMinutes(5);
            }
            int reference = in.has("concat_ref") ? in.get("concat_ref").asInt() : 0;
            boolean srr = in.has("request_status") && in.get("request_status").asBoolean();
            List<SubmitPdu> pdus = SmsSubmitEncoder.encode(new SubmitRequest(PhoneNumber.of(in.get("to").asText()),
                    text, SmsEncoding.AUTO, srr, validity, reference, false));
            byte[] raw = PduHex.parse(v.get("pdu").asText());
            String tpdu = v.get("pdu").asText().substring(2 + 2 * (raw[0] & 0xFF));
            int part = v.get("expected").has("concat") ? v.get("expected").get("concat").get("seq").asInt() : 1;
            assertThat(pdus.get(part - 1).hex()).as(id).isEqualTo("00" + tpdu);
            assertThat(pdus.get(part - 1).tpduLength()).as(id).isEqualTo(v.get("expected").get("tpdu_length").asInt());
            checked.add(id);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(12).contains("pm-submit-multipart7-3", "mm-create-gsm-25-septets");
    }

    @Test
    void singlePartHoldsExactly160Septets() throws Exception {
        assertThat(encode("a".repeat(160), SmsEncoding.AUTO)).hasSize(1);
        List<SubmitPdu> two = encode("a".repeat(161), SmsEncoding.AUTO);
        assertThat(two).hasSize(2);
        assertThat(decode(two.get(0)).text()).hasSize(153);
        assertThat(decode(two.get(1)).text()).hasSize(8);
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        assertThat(encode("\u20AC".repeat(80), SmsEncoding.AUTO)).hasSize(1);
        assertThat(encode("\u20AC".repeat(81), SmsEncoding.AUTO)).hasSize(2);
    }

    @Test
    void escapePairIsNeverSplitAcrossParts() throws Exception {
        String text = "a".repeat(152) + "\u20AC" + "b".repeat(20);
        List<SubmitPdu> pdus = encode(text, SmsEncoding.AUTO);
        assertThat(pdus).hasSize(2);
        assertThat(decode(pdus.get(0)).text()).isEqualTo("a".repeat(152));
        assertThat(decode(pdus.get(1)).text()).isEqualTo("\u20AC" + "b".repeat(20));
    }

    @Test
    void ucs2SinglePartHolds70UnitsAndPartsHold67() throws Exception {
        assertThat(encode("\u0416".repeat(70), SmsEncoding.AUTO)).hasSize(1);
        List<SubmitPdu> pdus = encode("\u0416".repeat(71), SmsEncoding.AUTO);
        assertThat(pdus).hasSize(2);
        assertThat(decode(pdus.get(0)).text()).hasSize(67);
    }

    @Test
    void surrogatePairIsNeverSplitAcrossParts() throws Exception {
        String emoji = "\uD83D\uDE00";
        String text = "\u0416".repeat(66) + emoji + "x".repeat(10);
        List<SubmitPdu> pdus = encode(text, SmsEncoding.AUTO);
        assertThat(pdus).hasSize(2);
        assertThat(decode(pdus.get(0)).text()).isEqualTo("\u0416".repeat(66));
        assertThat(decode(pdus.get(1)).text()).isEqualTo(emoji + "x".repeat(10));
    }

    @Test
    void sixteenBitReferenceLeaves152SeptetsPerPart() throws Exception {
        List<SubmitPdu> pdus = SmsSubmitEncoder.encode(
                new SubmitRequest(TO, "a".repeat(400), SmsEncoding.AUTO, false, null, 0x1234, true));
        SmsSubmit first = decode(pdus.get(0));
        assertThat(first.text()).hasSize(152);
        assertThat(first.concatenation()).contains(new Concatenation(0x1234, 3, 1, true));
        assertThat(PduHex.format(first.userDataHeader())).isEqualTo("06080412340301");
    }

    @Test
    void atMost255PartsAreAllowed() {
        assertThat(encode("a".repeat(153 * 255), SmsEncoding.AUTO)).hasSize(255);
        assertThatThrownBy(() -> encode("a".repeat(153 * 255 + 1), SmsEncoding.AUTO))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("255");
    }

    @Test
    void forcedGsm7RejectsTextOutsideTheAlphabet() {
        assertThatThrownBy(() -> encode("smile \uD83D\uDE00", SmsEncoding.GSM7))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void autoPicksUcs2OnlyWhenACharacterDoesNotFit() throws Exception {
        assertThat(decode(encode("Hello [world] \u20AC", SmsEncoding.AUTO).get(0)).coding()).isEqualTo(Coding.GSM7);
        assertThat(decode(encode("Hello \u00E7a va", SmsEncoding.AUTO).get(0)).coding()).isEqualTo(Coding.UCS2);
        assertThat(decode(encode("plain", SmsEncoding.UCS2).get(0)).coding()).isEqualTo(Coding.UCS2);
    }

    @Test
    void outgoingSmsMapsToStatusReportAndValidity() throws Exception {
        OutgoingSms sms = new OutgoingSms(PhoneNumber.of("655345678"), "hola", SmsEncoding.AUTO, true,
                Duration.ofDays(4));
        SubmitPdu pdu = SmsSubmitEncoder.encode(SubmitRequest.of(sms, 9)).get(0);
        SmsSubmit decoded = decode(pdu);
        assertThat(decoded.statusReportRequest()).isTrue();
        assertThat(decoded.relativeValidity()).isEqualTo(0xAA);
        assertThat(decoded.recipient()).isEqualTo(new PduAddress("655345678", 0x81));
        assertThat(pdu.hex()).startsWith("0031");
    }

    @Test
    void validityRoundsUpToTheNextExpressibleStep() {
        assertThat(ValidityPeriod.relative(Duration.ofSeconds(1))).isEqualTo(0);
        assertThat(ValidityPeriod.relative(Duration.ofMinutes(5))).isEqualTo(0);
        assertThat(ValidityPeriod.relative(Duration.ofMinutes(6))).isEqualTo(1);
        assertThat(ValidityPeriod.relative(Duration.ofHours(12))).isEqualTo(143);
        assertThat(ValidityPeriod.relative(Duration.ofHours(24))).isEqualTo(167);
        assertThat(ValidityPeriod.relative(Duration.ofHours(25))).isEqualTo(168);
        assertThat(ValidityPeriod.relative(Duration.ofDays(30))).isEqualTo(196);
        assertThat(ValidityPeriod.relative(Duration.ofDays(31))).isEqualTo(197);
        assertThat(ValidityPeriod.relative(Duration.ofDays(3650))).isEqualTo(255);
        for (int vp = 0; vp <= 255; vp++) {
            assertThat(ValidityPeriod.relative(ValidityPeriod.duration(vp))).as("vp %d", vp).isEqualTo(vp);
        }
    }
}
