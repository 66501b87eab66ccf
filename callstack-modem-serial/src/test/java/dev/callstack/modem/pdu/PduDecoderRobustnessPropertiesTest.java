package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Malformed input raises {@link PduFormatException} and nothing else. Seeds are fixed to keep CI deterministic. */
class PduDecoderRobustnessPropertiesTest {
    private static final List<byte[]> VALID = validPdus();

    private static List<byte[]> validPdus() {
        try {
            List<byte[]> out = new ArrayList<>();
            for (JsonNode v : PduVectorsTest.vectors()) {
                if (!v.get("kind").asText().equals("invalid")) {
                    out.add(PduHex.parse(v.get("pdu").asText()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PduFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** Decodes; a {@link PduFormatException} is an acceptable outcome, any other throwable fails the property. */
    private static void decodeOrReject(byte[] pdu) {
        try {
            PduDecoder.decode(pdu);
        } catch (PduFormatException e) {
            assertThat(e.offset()).isBetween(0, Math.max(0, pdu.length));
            assertThat(e.reason()).isNotBlank();
        }
    }

    @Property(tries = 1000, seed = "20261126")
    void randomBytesOnlyRaisePduFormatException(@ForAll @Size(max = 200) byte[] bytes) {
        decodeOrReject(bytes);
    }

    @Property(tries = 1000, seed = "20261127")
    void randomTpduBehindAnEmptySmscOnlyRaisesPduFormatException(@ForAll @Size(max = 180) byte[] tpdu) {
        byte[] pdu = new byte[tpdu.length + 1];
        System.arraycopy(tpdu, 0, pdu, 1, tpdu.length);
        decodeOrReject(pdu);
    }

    @Property(tries = 500, seed = "20261128")
    void randomTextOnlyRaisesPduFormatException(@ForAll @Size(max = 120) String text) {
        try {
            PduDecoder.decode(text);
        } catch (PduFormatException e) {
            assertThat(e.reason()).isNotBlank();
        }
    }

    @Example
    void everyTruncationOfEveryValidPduOnlyRaisesPduFormatException() {
        for (byte[] pdu : VALID) {
            for (int length = 0; length < pdu.length; length++) {
                byte[] cut = new byte[length];
                System.arraycopy(pdu, 0, cut, 0, length);
                decodeOrReject(cut);
            }
        }
    }

    @Property(tries = 1000, seed = "20261129")
    void bitFlipsOfValidPdusOnlyRaisePduFormatException(@ForAll("validIndex") int which,
                                                        @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 4095) Integer> bits) {
        byte[] pdu = VALID.get(which).clone();
        for (int bit : bits) {
            int index = (bit / 8) % pdu.length;
            pdu[index] ^= (byte) (1 << (bit % 8));
        }
        decodeOrReject(pdu);
    }

    @Property(tries = 1000, seed = "20261130")
    void randomOctetReplacementsOfValidPdusOnlyRaisePduFormatException(
            @ForAll("validIndex") int which, @ForAll @IntRange(max = 400) int position, @ForAll byte value) {
        byte[] pdu = VALID.get(which).clone();
        pdu[position % pdu.length] = value;
        decodeOrReject(pdu);
    }

    @Provide
    Arbitrary<Integer> validIndex() {
        return Arbitraries.integers().between(0, VALID.size() - 1);
    }
}
