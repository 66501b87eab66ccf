package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomBytesTest {
    @Test
    void givesTheCountAskedForAndNeverTheSameBytesTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = RandomBytes.next(12);
            assertThat(bytes).hasSize(12);
            seen.add(HexFormat.of().formatHex(bytes));
        }
        assertThat(seen).hasSize(1_000);
        assertThat(RandomBytes.next(0)).isEmpty();
    }
}
