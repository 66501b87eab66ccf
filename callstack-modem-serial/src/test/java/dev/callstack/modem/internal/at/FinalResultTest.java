package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.internal.at.FinalResult.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** testdata/at-transcripts.md §7 (errors) and §6 (final result codes). */
class FinalResultTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "OK|OK|null",
            "ERROR|ERROR|null",
            "+CME ERROR: 123|CME_ERROR|123",
            "+CME ERROR: raspberry|CME_ERROR|null",
            "'+CME ERROR: '|CME_ERROR|null",
            "+CMS ERROR: 456|CMS_ERROR|456",
            "+CMS ERROR: bananas|CMS_ERROR|null",
            "'+CMS ERROR: '|CMS_ERROR|null",
            "MODEM ERROR: 5|ERROR|5",
            "COMMAND NOT SUPPORT|ERROR|null",
            "+CME ERROR: 515|CME_ERROR|515",
            "+CME ERROR: 132|CME_ERROR|132",
            "+CME ERROR: 3|CME_ERROR|3",
            "+CME ERROR: 100|CME_ERROR|100",
            "+CME ERROR: SIM not inserted|CME_ERROR|10",
            "+CME ERROR: incorrect password|CME_ERROR|16",
            "+CMS ERROR: 500|CMS_ERROR|500",
            "+CMS ERROR: 340|CMS_ERROR|340",
    })
    void classifiesFinalResults(String line, Kind kind, Integer code) {
        FinalResult result = FinalResult.parse(line, false);
        assertThat(result).isNotNull();
        assertThat(result.kind()).isEqualTo(kind);
        assertThat(result.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"+CME ERROR:", "+CMS ERROR:", "oooops", "RING", "+CSQ: 11,99"})
    void bareErrorPrefixesAndOtherLinesAreNotFinal(String line) {
        assertThat(FinalResult.parse(line, false)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE"})
    void callProgressResultsAreFinalOnlyForDial(String line) {
        assertThat(FinalResult.parse(line, false)).isNull();
        assertThat(FinalResult.parse(line, true).kind()).isEqualTo(Kind.CALL_FAILED);
    }

    @ParameterizedTest
    @CsvSource({"CONNECT", "CONNECT 9600"})
    void connectIsSuccessForDial(String line) {
        assertThat(FinalResult.parse(line, true).isSuccess()).isTrue();
    }
}
