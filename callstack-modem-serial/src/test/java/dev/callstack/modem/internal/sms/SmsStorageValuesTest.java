package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The text-mode time stamp and the {@code +CPMS} fill figures. */
class SmsStorageValuesTest {

    @Test
    void textModeTimestampZoneIsInQuarterHours() {
        // testdata/at-transcripts.md §1: "13/03/18,17:07:21+32" is UTC+8 (32 quarter hours).
        assertThat(TextModeTimestamp.parse("13/03/18,17:07:21+32")).contains(Instant.parse("2013-03-18T09:07:21Z"));
        assertThat(TextModeTimestamp.parse("26/11/21,09:00:00-08")).contains(Instant.parse("2026-11-21T11:00:00Z"));
    }

    @Test
    void malformedTextModeTimestampsAreEmpty() {
        assertThat(TextModeTimestamp.parse("")).isEmpty();
        assertThat(TextModeTimestamp.parse("26/13/21,09:00:00+00")).isEmpty();
        assertThat(TextModeTimestamp.parse("26/11/21,09:00:00+99")).isEmpty();
        assertThat(TextModeTimestamp.parse("yesterday")).isEmpty();
    }

    @Test
    void storageUsageReadsMem1FromEitherForm() {
        assertThat(StorageUsage.parse("+CPMS: \"SM\",3,30,\"SM\",3,30,\"SM\",3,30"))
                .contains(new StorageUsage(3, 30));
        assertThat(StorageUsage.parse("+CPMS: 5,50,5,50,5,50")).contains(new StorageUsage(5, 50));
        assertThat(StorageUsage.parse("+CPMS: \"SM\",x,30")).isEmpty();
        assertThat(StorageUsage.parse("+CSQ: 20,0")).isEmpty();
    }
}
