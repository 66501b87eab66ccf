package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.StoredSms;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.modem.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code Main} opens with {@code --retention} sweeps the store at start and stops sweeping on close. */
class RetentionWiringTest {
    @TempDir
    Path dir;

    @Test
    void theOpenedModemErasesOldContentAndItsSweeperStopsWithIt() {
        Path db = dir.resolve("callstack.db");
        try (SqliteMessageStore seed = SqliteMessageStore.open(db)) {
            seed.storeReceived("old", new InboundMessage("+16175046925", "code 123456",
                    Instant.now().minus(Duration.ofDays(3)), null, 1, false));
        }
        OpenedModem opened = ModemFactory.open(ModemFactory.SIMULATOR, null, db, Duration.ofDays(2));
        RetentionSweeper sweeper = ((RetentionOwningModem) opened.modem()).sweeper();
        assertThat(sweeper.scheduled()).isTrue();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<StoredSms> stored = opened.modem().sms().received(10, OptionalLong.empty());
                return stored.stream().anyMatch(sms -> sms.body().isEmpty() && sms.sender().isEmpty());
            });
        } finally {
            opened.modem().close();
        }
        assertThat(sweeper.scheduled()).as("the daily sweep is off the shared housekeeping thread").isFalse();
    }
}
