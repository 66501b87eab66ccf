package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AtLineFramerPropertiesTest {

    private static List<String> frame(byte[] bytes, int chunk) {
        List<String> out = new ArrayList<>();
        AtLineFramer framer = new AtLineFramer(64);
        AtLineFramer.Sink sink = new AtLineFramer.Sink() {
            @Override
            public void onLine(String line) {
                out.add(line);
            }

            @Override
            public void onPrompt() {
                out.add("<P>");
            }

            @Override
            public void onOverflow(int length) {
                out.add("<O>");
            }
        };
        for (int i = 0; i < bytes.length; i += chunk) {
            framer.feed(bytes, i, Math.min(chunk, bytes.length - i), sink);
        }
        return out;
    }

    @Property(tries = 300)
    void chunkingNeverChangesTheLinesOfPromptFreeInput(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5)
            Integer> tokens, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        String[] pieces = {"OK", "+CSQ: 1,2", "\r", "\n", "\r\r\n", "x".repeat(70)};
        StringBuilder text = new StringBuilder();
        for (int t : tokens) {
            text.append(pieces[t]);
        }
        text.append("\r\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(frame(bytes, chunk)).isEqualTo(frame(bytes, bytes.length));
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAndLinesStayBounded(@ForAll @Size(max = 400) byte[] bytes,
                                                     @ForAll @IntRange(min = 1, max = 50) int chunk) {
        for (String line : frame(bytes, chunk)) {
            assertThat(line.length()).isLessThanOrEqualTo(64);
            assertThat(line).doesNotContain("\r", "\n");
        }
    }
}
