package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendRateTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void twoAMinuteSendsOneNowThenOneEveryThirtySeconds() {
        SendRate rate = new SendRate(2);
        assertThat(rate.nextAllowed(T)).isEqualTo(T);
        rate.take(T);
        assertThat(rate.nextAllowed(T)).isEqualTo(T.plusSeconds(30));
        rate.take(T.plusSeconds(30));
        assertThat(rate.nextAllowed(T.plusSeconds(31))).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void aBurstOfATenthOfTheMinuteAfterIdling() {
        SendRate rate = new SendRate(60);
        for (int i = 0; i < 6; i++) {
            assertThat(rate.nextAllowed(T)).isEqualTo(T);
            rate.take(T);
        }
        assertThat(rate.nextAllowed(T)).isEqualTo(T.plusSeconds(1));
    }

    @Test
    void zeroMeansNoLimit() {
        SendRate rate = new SendRate(0);
        for (int i = 0; i < 1000; i++) {
            rate.take(T);
        }
        assertThat(rate.nextAllowed(T)).isEqualTo(T);
    }
}
