package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** USSD text as modems hand it over: UCS-2 hex under a DCS that says otherwise, and packed GSM-7 that must stay so. */
class UssdTextDecodingQuirksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A modem in AT+CSCS="UCS2" hex-encodes the reply whatever the DCS.
        "60A876844F59989D4E3A003100325143|15|您的余额为12元",
        "0E220E2D0E140E400E070E340E190020003500300020003F|15|ยอดเงิน 50 ?",
        "04110430043B0430043D04410020003500200440|72|Баланс 5 р",
    })
    void ucs2HexDecodesWhateverTheDcs(String hex, int dcs, String text) {
        assertThat(UssdTextDecoder.decode(hex, dcs)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "D9775D0E1287D961F7B80C4ACF413199AB060355A744|Your balance is 12.50 USD",
        "C2303BEC1E974135170C06|Balance 5.00",
        "5474D8BD06E5DF75|Thank you",
        "C472DA0D3AD6E9E8B0B8ECD681662C190C54AC4A1B|Dein Guthaben: 3,20 EUR",
        "D3309BFC06C56030|Saldo 100",
    })
    void packedGsm7IsNotMistakenForUcs2(String hex, String text) {
        assertThat(UssdTextDecoder.decode(hex, 15)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void multiLinePackedMenuKeepsItsLineBreak() {
        assertThat(UssdTextDecoder.decode("311748186687DDE3B242E60209EB6E32BB3C07", 15))
                .isEqualTo("1. Balance\n2. Bundles");
    }
}
