package dev.callstack.modem.store;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/** Tests of an in-memory store, closed after each test, with times either side of a retention cutoff. */
abstract class InMemoryStoreTest {
    static final Instant OLD = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant CUTOFF = OLD.plus(Duration.ofDays(1));
    static final Instant NEW = CUTOFF.plusSeconds(1);

    final SqliteMessageStore store = SqliteMessageStore.inMemory();

    @AfterEach
    void closeStore() {
        store.close();
    }
}
