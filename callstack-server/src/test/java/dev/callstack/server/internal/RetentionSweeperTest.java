package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.StoredSms;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.modem.store.SqliteMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --retention}: the sweep erases what is older than the period, at start and then daily. */
class RetentionSweeperTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SqliteMessageStore store = SqliteMessageStore.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    private long received(String fingerprint, Instant at) {
        return store.storeReceived(fingerprint, new InboundMessage("+16175046925", "code 123456", at, null, 1, false))
                .orElseThrow();
    }

    private StoredSms byId(long id) {
        return store.received(100, OptionalLong.empty()).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
    }

    @Test
    void aSweepErasesOnlyWhatIsOlderThanTheRetentionPeriod() {
        long old = received("old", NOW.minus(Duration.ofDays(90)).minusSeconds(1));
        long young = received("young", NOW.minus(Duration.ofDays(89)));
        try (RetentionSweeper sweeper = new RetentionSweeper(store, Duration.ofDays(90), CLOCK)) {
            assertThat(sweeper.sweep()).isEqualTo(1);
            assertThat(sweeper.sweep()).isZero();
        }
        assertThat(byId(old).body()).isEmpty();
        assertThat(byId(old).sender()).isEmpty();
        assertThat(byId(young).body()).isEqualTo("code 123456");
    }

    @Test
    void startingSweepsAtOnceOnItsOwnThread() {
        long old = received("old", NOW.minus(Duration.ofHours(13)));
        RetentionSweeper sweeper = new RetentionSweeper(store, Duration.ofHours(12), CLOCK).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> byId(old).body().isEmpty());
        } finally {
            sweeper.close();
        }
    }

    @Test
    void periodsAreHoursDaysOrZeroForever() {
        assertThat(RetentionPeriod.parse("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(RetentionPeriod.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(RetentionPeriod.parse(" 30D ")).isEqualTo(Duration.ofDays(30));
        assertThat(RetentionPeriod.parse("0")).isZero();
        for (String bad : new String[] {"", "90", "-1d", "1w", "1.5d", "d", "P90D", "9999999d"}) {
            assertThatThrownBy(() -> RetentionPeriod.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--retention");
        }
        assertThat(RetentionPeriod.label(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(RetentionPeriod.label(Duration.ofHours(36))).isEqualTo("36h");
    }
}
