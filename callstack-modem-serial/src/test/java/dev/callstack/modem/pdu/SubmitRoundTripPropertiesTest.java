package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Text encoded into SMS-SUBMIT parts decodes back to itself. Seeds are fixed to keep CI deterministic. */
class SubmitRoundTripPropertiesTest {
    private static final String GSM7_CHARS = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r"
            + "\u00C5\u00E5\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|\u20AC";
    private static final PhoneNumber TO = PhoneNumber.of("+15555551234");

    @Property(tries = 500, seed = "1126")
    void gsm7TextRoundTrips(@ForAll("gsm7Text") String text, @ForAll @IntRange(max = 255) int reference) {
        List<SmsSubmit> parts = encodeAndDecode(text, SmsEncoding.AUTO, reference, false);
        assertThat(parts).allSatisfy(p -> assertThat(p.coding()).isEqualTo(Coding.GSM7));
        assertThat(join(parts)).isEqualTo(text);
        assertPartsWellFormed(parts, reference, false);
    }

    @Property(tries = 500, seed = "1127")
    void unicodeTextWithEmojiRoundTrips(@ForAll("unicodeText") String text, @ForAll @IntRange(max = 255) int reference) {
        List<SmsSubmit> parts = encodeAndDecode(text, SmsEncoding.AUTO, reference, false);
        Coding expected = Gsm7Alphabet.fits(text) ? Coding.GSM7 : Coding.UCS2;
        assertThat(parts).allSatisfy(p -> assertThat(p.coding()).isEqualTo(expected));
        assertThat(join(parts)).isEqualTo(text);
        assertPartsWellFormed(parts, reference, false);
        // A surrogate pair is never split across two parts.
        assertThat(parts).allSatisfy(p -> {
            if (!p.text().isEmpty()) {
                assertThat(Character.isLowSurrogate(p.text().charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1))).isFalse();
            }
        });
    }

    @Property(tries = 300, seed = "1128")
    void forcedUcs2With16BitReferenceRoundTrips(@ForAll("gsm7Text") String text,
                                                 @ForAll @IntRange(max = 65535) int reference) {
        List<SmsSubmit> parts = encodeAndDecode(text, SmsEncoding.UCS2, reference, true);
        assertThat(parts).allSatisfy(p -> assertThat(p.coding()).isEqualTo(Coding.UCS2));
        assertThat(join(parts)).isEqualTo(text);
        assertPartsWellFormed(parts, reference, true);
    }

    @Property(tries = 300, seed = "1129")
    void gsm7With16BitReferenceRoundTrips(@ForAll("gsm7Text") String text,
                                          @ForAll @IntRange(max = 65535) int reference) {
        List<SmsSubmit> parts = encodeAndDecode(text, SmsEncoding.GSM7, reference, true);
        assertThat(join(parts)).isEqualTo(text);
        assertPartsWellFormed(parts, reference, true);
    }

    private static List<SmsSubmit> encodeAndDecode(String text, SmsEncoding encoding, int reference,
                                                   boolean sixteenBit) {
        List<SubmitPdu> pdus = SmsSubmitEncoder.encode(
                new SubmitRequest(TO, text, encoding, true, null, reference, sixteenBit));
        return pdus.stream().map(p -> {
            try {
                SmsSubmit s = (SmsSubmit) PduDecoder.decode(p.hex());
                assertThat(s.tpduLength()).isEqualTo(p.tpduLength());
                assertThat(s.recipient().value()).isEqualTo(TO.value());
                assertThat(s.statusReportRequest()).isTrue();
                assertThat(s.messageReference()).isZero();
                return s;
            } catch (PduFormatException e) {
                throw new AssertionError("encoder output does not decode: " + e.getMessage(), e);
            }
        }).toList();
    }

    private static void assertPartsWellFormed(List<SmsSubmit> parts, int reference, boolean sixteenBit) {
        assertThat(parts).isNotEmpty();
        if (parts.size() == 1) {
            assertThat(parts.get(0).concatenation()).isEmpty();
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).concatenation())
                    .contains(new Concatenation(reference, parts.size(), i + 1, sixteenBit));
            assertThat(parts.get(i).tpduLength()).isLessThanOrEqualTo(158);
        }
    }

    private static String join(List<SmsSubmit> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.text()));
        return out.toString();
    }

    @Provide
    Arbitrary<String> gsm7Text() {
        Arbitrary<Character> basic = Arbitraries.of(GSM7_CHARS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> ext = Arbitraries.of(GSM7_EXTENSION.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, basic), net.jqwik.api.Tuple.of(1, ext));
        return Arbitraries.oneOf(
                any.list().ofMaxSize(170),
                any.list().ofMinSize(150).ofMaxSize(700))
                .map(chars -> {
                    StringBuilder sb = new StringBuilder(chars.size());
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> unicodeText() {
        Arbitrary<Integer> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF);
        Arbitrary<Integer> bmp = Arbitraries.integers().between(0x20, 0xD7FF);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        Arbitrary<Integer> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF);
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, ascii), net.jqwik.api.Tuple.of(3, bmp), net.jqwik.api.Tuple.of(3, emoji),
                net.jqwik.api.Tuple.of(1, supplementary));
        return Combinators.combine(codePoint.list().ofMaxSize(80), codePoint.list().ofMaxSize(400),
                        Arbitraries.integers().between(0, 1))
                .as((small, large, pick) -> {
                    StringBuilder sb = new StringBuilder();
                    (pick == 0 ? small : large).forEach(sb::appendCodePoint);
                    return sb.toString();
                });
    }
}
