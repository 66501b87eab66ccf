package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Storage-full signals and the text-mode {@code +CMT} pair (testdata/at-transcripts.md §1 and the last section). */
class SmsStorageUrcTest {

    @ParameterizedTest
    @ValueSource(strings = {"^SMMEMFULL: \"SM\"", "^SMMEMFULL:\"ME\"", "+CIEV: \"SMSFULL\",1", "+CIEV: \"smsfull\",1",
            "+QIND: \"smsfull\",\"SM\""})
    void storageFullSignalsAreRecognised(String line) {
        assertThat(UrcParser.parse(line)).isInstanceOfSatisfying(Urc.Sms.class,
                s -> assertThat(s.sms()).isInstanceOf(SmsUrc.StorageFull.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+CIEV: \"SMSFULL\",0", "+CIEV: 6,1", "+CIEV: \"MESSAGE\",1", "+QIND: SMS DONE"})
    void otherIndicatorsAreNotStorageFull(String line) {
        assertThat(UrcParser.parse(line)).isNotInstanceOf(Urc.Sms.class);
    }

    @Test
    void textModeCmtHeaderAndBodyBecomeOneMessage() {
        // testdata/at-transcripts.md §1: Quectel manual, text mode
        UrcAssembler a = new UrcAssembler();
        assertThat(a.accept(
                "+CMT: \"+8615021012496\",,\"13/03/18,17:07:21+32\",145,4,0,0,\"+8613800551500\",145,28")).isEmpty();
        assertThat(a.awaitingContinuation()).isTrue();
        assertThat(a.continuation("<This is a test from Quectel>")).contains(new Urc.Sms(
                new SmsUrc.TextMessage("+8615021012496", "13/03/18,17:07:21+32", "<This is a test from Quectel>")));
    }

    @Test
    void shortTextModeHeaderCarriesSenderAndTimestamp() {
        assertThat(UrcParser.parse("+CMT: \"+4917298765432\",,\"26/11/21,11:30:00+04\""))
                .isEqualTo(new Urc.TextModeSms("+4917298765432", "26/11/21,11:30:00+04"));
    }

    @Test
    void textMessageToStringCarriesNoContent() {
        assertThat(new SmsUrc.TextMessage("+4917298765432", "26/11/21,11:30:00+04", "secret").toString())
                .doesNotContain("4917298765432").doesNotContain("secret");
    }
}
