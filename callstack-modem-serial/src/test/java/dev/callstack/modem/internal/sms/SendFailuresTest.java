package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.modem.internal.sms.SendFailures.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendFailuresTest {
    @ParameterizedTest
    @CsvSource({
        "1, FAIL", "21, FAIL", "38, RETRY", "41, RETRY", "42, RETRY", "47, RETRY", "127, FAIL",
        "128, FAIL", "192, RETRY", "193, FAIL", "300, RETRY", "302, RETRY", "303, FAIL", "304, FAIL", "305, FAIL",
        "314, RETRY", "322, RETRY", "330, FAIL", "331, RETRY", "332, RETRY", "340, FAIL", "500, RETRY", "512, RETRY"})
    void cmsErrorsFollowTheTable(int code, Verdict verdict) {
        assertThat(SendFailures.classify(new ModemRejectedException("modem answered +CMS ERROR", code)))
                .isEqualTo(verdict);
    }

    @Test
    void timeoutsAndLinksLostMidExchangeAreUnknownWhatNeverWentOutIsRetried() {
        assertThat(SendFailures.classify(new ModemTimeoutException("modem did not answer in time")))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(SendFailures.classify(new ModemUnavailableException("modem link replaced")))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(SendFailures.classify(new ModemUnavailableException("modem not connected")))
                .isEqualTo(Verdict.RETRY);
        assertThat(SendFailures.classify(new ModemUnavailableException(PartFailure.NOT_RECORDED)))
                .isEqualTo(Verdict.RETRY);
        assertThat(SendFailures.classify(new ModemRejectedException("modem answered +CME ERROR", 14)))
                .isEqualTo(Verdict.RETRY);
        assertThat(SendFailures.classify(new ModemRejectedException("modem answered ERROR")))
                .isEqualTo(Verdict.RETRY);
        assertThat(SendFailures.classify(new InvalidRequestException("SMS cannot be encoded")))
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void backoffDoublesFromFiveSecondsToTenMinutes() {
        assertThat(OutboxDispatcher.backoff(1)).hasSeconds(5);
        assertThat(OutboxDispatcher.backoff(2)).hasSeconds(10);
        assertThat(OutboxDispatcher.backoff(3)).hasSeconds(20);
        assertThat(OutboxDispatcher.backoff(8)).hasSeconds(600);
        assertThat(OutboxDispatcher.backoff(50)).hasSeconds(600);
    }
}
