package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.event.DeliveryStatus;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PduCodecBasicsTest {
    private static final String DELIVER = "07912143658709F1040B918100551512F20000111010214365000AE8329BFD4697D9EC37";

    @Test
    void hexAsModemsPrintItIsTolerated() throws Exception {
        for (String framed : new String[] {DELIVER.toLowerCase(Locale.ROOT), "  " + DELIVER + "\r\n", "\"" + DELIVER + "\"",
                DELIVER + "\""}) {
            assertThat(((SmsDeliver) PduDecoder.decode(framed)).text()).isEqualTo("hellohello");
        }
    }

    @Test
    void oddHexLengthIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> PduDecoder.decode(DELIVER + "0"))
                .isInstanceOf(PduFormatException.class)
                .hasMessageContaining("odd number of hex digits")
                .satisfies(e -> assertThat(((PduFormatException) e).offset()).isEqualTo(DELIVER.length() / 2));
    }

    @Test
    void septetOverrunNamesTheFieldAndOffset() {
        String udl161 = DELIVER.substring(0, 52) + "A1" + "00".repeat(141);
        assertThatThrownBy(() -> PduDecoder.decode(udl161))
                .isInstanceOf(PduFormatException.class)
                .hasMessage("TP-UDL 161 exceeds 160 septets at offset 26");
    }

    @Test
    void statusReportClassifiesTpStatus() throws Exception {
        SmsStatusReport report = PduDecoder.decodeStatusReport(
                "07914356060013F1065A098136397339F7219011700463802190117004638030");
        assertThat(report.messageReference()).isEqualTo(90);
        assertThat(report.status()).isEqualTo(0x30);
        assertThat(report.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void typedEntryPointsRejectTheOtherKinds() {
        assertThatThrownBy(() -> PduDecoder.decodeStatusReport(DELIVER)).isInstanceOf(PduFormatException.class);
        assertThatThrownBy(() -> PduDecoder.decodeDeliver("0001000B914316565811F9000004E8373B0C"))
                .isInstanceOf(PduFormatException.class);
    }

    @Test
    void flashMessageIsClassZero() throws Exception {
        String flash = DELIVER.substring(0, 36) + "10" + DELIVER.substring(38);
        SmsDeliver d = PduDecoder.decodeDeliver(flash);
        assertThat(d.flash()).isTrue();
        assertThat(d.dataCoding().messageClass()).isZero();
    }

    @Test
    void gsm7AlphabetCoversTheExtensionTable() {
        String ext = "\f^{}\\[~]|\u20AC";
        assertThat(Gsm7Alphabet.fits(ext)).isTrue();
        assertThat(Gsm7Alphabet.septetCount(ext)).isEqualTo(20);
        assertThat(Gsm7Alphabet.decode(Gsm7Alphabet.encode(ext))).isEqualTo(ext);
        assertThat(Gsm7Alphabet.fits("\u00E7")).isFalse();
        assertThat(Gsm7Alphabet.fits("\uD83D\uDE00")).isFalse();
    }

    @Test
    void unknownEscapeShowsTheDefaultCharacter() {
        assertThat(Gsm7Alphabet.decode(new byte[] {0x1B, 0x41, 0x1B})).isEqualTo("A");
    }

    @Test
    void septetsPackAndUnpackAtAnyPosition() {
        byte[] septets = Gsm7Alphabet.encode("hellohello");
        assertThat(PduHex.format(SeptetPacker.pack(septets))).isEqualTo("E8329BFD4697D9EC37");
        byte[] withHeader = new byte[SeptetPacker.octetsFor(7 + septets.length)];
        SeptetPacker.pack(septets, withHeader, 7);
        assertThat(SeptetPacker.unpack(withHeader, 7, septets.length)).isEqualTo(septets);
    }

    @Test
    void toStringNeverShowsTheNumberOrText() throws Exception {
        SmsDeliver d = PduDecoder.decodeDeliver(DELIVER);
        assertThat(d.toString()).doesNotContain("18005551212").doesNotContain("hello");
    }

    /** DELIVER with TP-UDHI, 8-bit data: port addressing element first, then an 8-bit concatenation element. */
    private static String deliverWithHeader(String udhAndData) {
        int udl = udhAndData.length() / 2;
        return "0791214365870 9F1".replace(" ", "") + "44" + "0B918100551512F2" + "0004" + "11101021436500"
                + String.format("%02X", udl) + udhAndData;
    }

    @Test
    void otherHeaderElementsAreSkippedAndConcatenationFound() throws Exception {
        SmsDeliver d = PduDecoder.decodeDeliver(deliverWithHeader("0B" + "0504157800FF" + "0003AB0302" + "CAFE"));
        assertThat(d.concatenation()).contains(new Concatenation(0xAB, 3, 2, false));
        assertThat(PduHex.format(d.data())).isEqualTo("CAFE");
        assertThat(d.coding()).isEqualTo(Coding.EIGHT_BIT);
    }

    @Test
    void concatenationWithPartBeyondTotalIsIgnored() throws Exception {
        SmsDeliver d = PduDecoder.decodeDeliver(deliverWithHeader("05" + "0003AB0204" + "CAFE"));
        assertThat(d.concatenation()).isEmpty();
    }

    @Test
    void headerElementOverrunningTheHeaderIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> PduDecoder.decodeDeliver(deliverWithHeader("05" + "0009AB0302" + "CAFE")))
                .isInstanceOf(PduFormatException.class)
                .hasMessage("UDH information element 0x00 of length 9 overruns the header at offset 28");
    }

    @Test
    void headerLongerThanUserDataIsRejected() {
        assertThatThrownBy(() -> PduDecoder.decodeDeliver(deliverWithHeader("09" + "0003AB0302")))
                .isInstanceOf(PduFormatException.class)
                .hasMessageContaining("UDH length 9 exceeds TP-UDL 6");
    }
}
