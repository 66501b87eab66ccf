package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.store.UndecodablePdu;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema step 2: undecodable PDUs are kept with their reason, deduplicated, and their hex erased by retention. */
class UndecodableStoreTest extends InMemoryStoreTest {
    @Test
    void keptOnceWithItsFingerprint() {
        UndecodablePdu pdu = new UndecodablePdu("SM", 4, "0791FFFF", "TP-UDL 9 exceeds the data", OLD);
        assertThat(store.storeUndecodable("fp-1", pdu)).isTrue();
        assertThat(store.storeUndecodable("fp-1", pdu)).isFalse();
        assertThat(store.seen("fp-1")).isTrue();
        assertThat(store.undecodable(10)).containsExactly(pdu);
    }

    @Test
    void retentionErasesTheHexAndKeepsTheRow() {
        store.storeUndecodable("old", new UndecodablePdu("SM", 1, "0791AAAA", "reason", OLD));
        store.storeUndecodable("new", new UndecodablePdu("ME", 2, "0791BBBB", "reason", NEW));

        assertThat(store.eraseContentBefore(CUTOFF)).isEqualTo(1);

        assertThat(store.undecodable(10)).extracting(UndecodablePdu::pduHex).containsExactly("0791BBBB", "");
        assertThat(store.undecodable(10).get(1).reason()).isEqualTo("reason");
    }

    @Test
    void survivesReopening(@TempDir Path dir) {
        Path file = dir.resolve("store.db");
        try (SqliteMessageStore first = SqliteMessageStore.open(file)) {
            first.storeUndecodable("fp", new UndecodablePdu("SM", 3, "0791CCCC", "reason", OLD));
        }
        try (SqliteMessageStore again = SqliteMessageStore.open(file)) {
            assertThat(again.undecodable(10)).singleElement().satisfies(u -> assertThat(u.index()).isEqualTo(3));
        }
    }
}
