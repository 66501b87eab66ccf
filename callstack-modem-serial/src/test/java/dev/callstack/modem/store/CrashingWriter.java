package dev.callstack.modem.store;

import dev.callstack.core.store.InboundMessage;
import java.nio.file.Path;
import java.time.Instant;

/** Run in a child JVM: stores messages, then halts without closing anything, as a crash would. */
final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        SqliteMessageStore store = SqliteMessageStore.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            store.storeReceived("crash-" + i, new InboundMessage("+15550100100", "body " + i,
                    Instant.ofEpochMilli(1_700_000_000_000L + i), null, 1, false));
        }
        Runtime.getRuntime().halt(0);
    }
}
