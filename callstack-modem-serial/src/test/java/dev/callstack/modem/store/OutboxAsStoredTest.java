package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.OutboxPriority;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enqueue answers with the row it wrote without reading it back ({@link OutboxInsert#asStored}): on a real SQLite
 * file, that answer must be exactly what a later read gives, field by field.
 */
class OutboxAsStoredTest {
    /** Sub-millisecond digits on purpose: the store keeps milliseconds. */
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00.123456789Z");
    private static final Duration WINDOW = Duration.ofDays(1);

    @TempDir
    Path dir;

    private static NewOutboxMessage message(OutgoingSms sms, int parts, OutboxPriority priority, boolean retryUnknown,
                                            boolean direct) {
        return new NewOutboxMessage(sms, parts, 17, priority, NOW.plusNanos(1_500_000),
                NOW.plus(Duration.ofHours(2)).plusNanos(999_999), retryUnknown, direct, NOW);
    }

    @Test
    void theEnqueueReceiptIsTheRowAsALaterReadGivesIt() {
        OutgoingSms plain = OutgoingSms.of(PhoneNumber.of("+4917212345678"), "plain");
        OutgoingSms detailed = new OutgoingSms(PhoneNumber.of("+4917212345679"), "ünïcode and long", SmsEncoding.UCS2,
                false, Duration.ofMinutes(90).plusNanos(1_234_567));
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("store.db"))) {
            OutboxStore outbox = store.outbox();
            for (NewOutboxMessage message : new NewOutboxMessage[] {
                    message(plain, 1, OutboxPriority.NORMAL, false, false),
                    message(detailed, 3, OutboxPriority.HIGH, true, false)}) {
                OutboxReceipt receipt = outbox.enqueue(message, null, null, WINDOW);
                long id = receipt.entry().messageId();
                assertThat(OutboxInsert.asStored(id, message)).isEqualTo(outbox.find(id).orElseThrow());
                assertThat(receipt.entry()).isEqualTo(outbox.find(id).orElseThrow().toEntry());
            }
            OutboxReceipt keyed = outbox.enqueue(message(plain, 1, OutboxPriority.NORMAL, false, false), "key", "fp",
                    WINDOW);
            assertThat(keyed.entry()).isEqualTo(outbox.find(keyed.entry().messageId()).orElseThrow().toEntry());

            NewOutboxMessage direct = message(plain, 2, OutboxPriority.NORMAL, false, true);
            long id = outbox.insertDirect(direct);
            assertThat(OutboxInsert.asStored(id, direct)).isEqualTo(outbox.find(id).orElseThrow());
        }
    }
}
