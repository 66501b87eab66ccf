package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** testdata/at-transcripts.md §4 (all from GM tests/at-ussd/*.dump). Samples elided with "..." are joined. */
class UssdUrcTest {

    private static Urc.Ussd ussd(String line) {
        Urc urc = UrcParser.parse(line);
        assertThat(urc).isInstanceOf(Urc.Ussd.class);
        return (Urc.Ussd) urc;
    }

    @Test
    void huaweiE160UnquotedPackedGsm7WithoutDcs() {
        Urc.Ussd u = ussd("+CUSD: 0, 49B41C74ACD3D16171D90D66666666666666666666B45CAC76C3CD6CB41B2D060389CB74F9FE4C07"
                + "DD5CB91AA85897BF1B");
        assertThat(u.status()).isZero();
        assertThat(u.dcs()).isEqualTo(-1);
        assertThat(u.message()).startsWith("Ihr Guthaben").doesNotContain("\uFFFD");
    }

    @Test
    void huaweiE160QuotedPackedGsm7Dcs15() {
        Urc.Ussd u = ussd("+CUSD: 0,\"49B41C74ACD3D16171D90D32FBE52072BA0C72CA5DB45CAC76C3CD6CB41B2D060389CB74F9FE"
                + "4C07D55C371CA85897BF1B\",15");
        assertThat(u.dcs()).isEqualTo(15);
        assertThat(u.message()).startsWith("Ihr Guthaben");
    }

    @Test
    void plainTextWithoutDcsIsKeptAsSent() {
        Urc.Ussd u = ussd("+CUSD: 1,\"Kontostand: 3.00 EUR Bitte w{hlen Sie: 1 Konto aufladen 2 CallNow Transfer\"");
        assertThat(u.status()).isEqualTo(1);
        assertThat(u.message()).isEqualTo("Kontostand: 3.00 EUR Bitte w{hlen Sie: 1 Konto aufladen 2 CallNow Transfer");
        assertThat(u.dcs()).isEqualTo(-1);
    }

    @Test
    void plainTextDcs0StatusTwo() {
        Urc.Ussd u = ussd("+CUSD: 2,\"Maaf, permintaan Anda tidak dapat kami proses. Silakan coba beberapa saat lagi.\",0");
        assertThat(u.status()).isEqualTo(2);
        assertThat(u.message()).startsWith("Maaf, permintaan");
        assertThat(u.dcs()).isZero();
    }

    @Test
    void ucs2HexUnderDcs15IsDetected() {
        // Uissue358-Quectel_M35
        Urc.Ussd u = ussd("+CUSD: 2,\"00480061007600690020006B0065007200650074003A" + "002A0031003100310023\",15");
        assertThat(u.message()).isEqualTo("Havi keret:*111#");
    }

    @Test
    void ucs2HexDcs72Cyrillic() {
        // issue109-E3276
        Urc.Ussd u = ussd("+CUSD: 0,\"0414043B044F00200441043F044004300432043A04380020043E002004310430043B0430043D0441"
                + "0435" + "002E\",72");
        assertThat(u.message()).isEqualTo("Для справки о балансе.");
        assertThat(u.dcs()).isEqualTo(72);
    }

    @Test
    void plainTextDcs15() {
        Urc.Ussd u = ussd("+CUSD: 0,\"On DATA Pack u have 3Gb 817Mb 169kb valid until 21/05/2016   upto time of data "
                + "recharge done by u.\",15");
        assertThat(u.message()).startsWith("On DATA Pack u have 3Gb");
    }

    @Test
    void telitUcs2WithLanguagePrefixAndTrailingGarbage() {
        // issue377-HE910-D: dcs 17 = UCS-2 preceded by a packed "ar"; binary garbage after U+0000
        Urc.Ussd u = ussd("+CUSD: 2,\"613906310635064A062F06430020003100300037002E003900330020062F002E0644060C"
                + "002D003000390000FFFF60B16260EEEEFFFF\",17");
        assertThat(u.message()).isEqualTo("رصيدك 107.93 د.ل،-09");
    }

    @Test
    void statusWithoutText() {
        // GM smsd-incoming-ussd.c and SIM800 "+CUSD: 4"
        assertThat(ussd("+CUSD: 2")).isEqualTo(new Urc.Ussd(2, null, -1));
        assertThat(ussd("+CUSD: 4")).isEqualTo(new Urc.Ussd(4, null, -1));
        assertThat(ussd("+CUSD: 5")).isEqualTo(new Urc.Ussd(5, null, -1));
        assertThat(ussd("+CUSD: 0,\"\",15")).isEqualTo(new Urc.Ussd(0, null, 15));
    }

    @Test
    void shortHexLikeRepliesStayPlain() {
        assertThat(ussd("+CUSD: 0,\"1234\",15").message()).isEqualTo("1234");
    }

    @Test
    void dcsClassification() {
        assertThat(UssdTextDecoder.alphabet(15)).isEqualTo(UssdTextDecoder.Alphabet.GSM7);
        assertThat(UssdTextDecoder.alphabet(72)).isEqualTo(UssdTextDecoder.Alphabet.UCS2);
        assertThat(UssdTextDecoder.alphabet(17)).isEqualTo(UssdTextDecoder.Alphabet.UCS2_LANGUAGE);
        assertThat(UssdTextDecoder.alphabet(0)).isEqualTo(UssdTextDecoder.Alphabet.GSM7);
        assertThat(UssdTextDecoder.alphabet(-1)).isEqualTo(UssdTextDecoder.Alphabet.UNKNOWN);
    }
}
