package dev.callstack.modem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondAndCapsAtSixty() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(b.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(b.delay(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.delay(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}
