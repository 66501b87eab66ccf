package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code AT+CNMI=?} answers of {@code testdata/at-transcripts.md} §10. */
class CnmiChoiceTest {
    @Test
    void sim800RangesGiveTheFullChoice() {
        assertThat(CnmiChoice.choose("(0-3),(0-3),(0,2),(0-2),(0,1)")).contains("AT+CNMI=2,1,0,2,0");
    }

    @Test
    void listFormsAsHuaweiWritesThem() {
        assertThat(CnmiChoice.choose("(0,1,2),(0,1,2,3),(0,2),(0,1,2),(0,1)")).contains("AT+CNMI=2,1,0,2,0");
    }

    @Test
    void restrictiveRangesNeverGiveAValueOutsideThem() {
        assertThat(CnmiChoice.choose("(0,1),(0,1),(0),(0,1),(1)")).contains("AT+CNMI=1,1,0,1,1");
        assertThat(CnmiChoice.choose("(0-1),(0-2),(0),(0),(0)")).contains("AT+CNMI=1,1,0,0,0");
    }

    @Test
    void shorterAnswersAndNonsense() {
        assertThat(CnmiChoice.choose("(0-2),(0-3)")).contains("AT+CNMI=2,1");
        assertThat(CnmiChoice.choose("")).isEmpty();
        assertThat(CnmiChoice.choose("(x),(y)")).isEmpty();
    }
}
