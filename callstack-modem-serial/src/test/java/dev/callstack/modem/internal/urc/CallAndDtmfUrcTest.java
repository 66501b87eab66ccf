package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Call-progress and DTMF URCs in every form real modems send (see testdata/at-transcripts.md). */
class CallAndDtmfUrcTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+DTMF: 5|5", "+DTMF:5|5", "+DTMF: 1,40|1", "+DTMF:#,160|#", "+RXDTMF: 5|5", "+RXDTMF: *|*",
        "+QTONEDET: 53|5", "+QTONEDET: 35|#", "+QTONEDET: 42|*", "+QTONEDET: 65|A", "#DTMFEV: 9|9",
    })
    void everyDtmfFormIsOneDigit(String line, char digit) {
        assertThat(UrcParser.parse(line)).isEqualTo(new Urc.Dtmf(digit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+DTMF:1400", "+DTMF:2300", "+QTONEDET: 1", "+QTONEDET: 200", "+DTMF: X"})
    void singleFrequencyTonesAndNonKeysAreNotDigits(String line) {
        assertThat(UrcParser.parse(line)).isInstanceOf(Urc.Unknown.class);
    }

    @Test
    void huaweiCallUrcsDriveTheCall() {
        assertThat(UrcParser.parse("^CONN:1,0")).isInstanceOf(Urc.CallConnected.class);
        assertThat(UrcParser.parse("^CEND:1,0,104,16")).isEqualTo(new Urc.CallEnded("^CEND"));
        assertThat(UrcParser.parse("^ORIG:1,0")).isEqualTo(new Urc.Info("^ORIG"));
        assertThat(UrcParser.parse("^CONF:1")).isEqualTo(new Urc.Info("^CONF"));
    }

    @Test
    void simcomAndResultCodesEndTheCall() {
        assertThat(UrcParser.parse("VOICE CALL: BEGIN")).isInstanceOf(Urc.CallConnected.class);
        assertThat(UrcParser.parse("VOICE CALL: END: 000041")).isEqualTo(new Urc.CallEnded("VOICE CALL: END"));
        assertThat(UrcParser.parse("NO CARRIER")).isEqualTo(new Urc.CallEnded("NO CARRIER"));
        assertThat(UrcParser.parse("BUSY")).isEqualTo(new Urc.CallEnded("BUSY"));
        assertThat(UrcParser.parse("NO ANSWER")).isEqualTo(new Urc.CallEnded("NO ANSWER"));
    }

    @Test
    void aWaitingCallIsItsOwnUrcAndKeepsNoNumber() {
        assertThat(UrcParser.parse("+CCWA: \"+15550100200\",145,1")).isEqualTo(new Urc.CallWaiting());
        assertThat(UrcParser.parse("+CCWA: \"+15550100200\",145,1").toString()).doesNotContain("5550100200");
    }
}
