package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ModemLineReaderTest {
    private final List<String> events = new ArrayList<>();
    private final ModemLineReader reader = new ModemLineReader(new ModemLineReader.Listener() {
        @Override
        public void command(String line) {
            events.add("cmd:" + line);
        }

        @Override
        public void payload(String payload, int declaredLength) {
            events.add("pdu:" + declaredLength + ":" + payload);
        }

        @Override
        public void payloadCancelled() {
            events.add("cancelled");
        }
    });

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            reader.feed(new byte[] {b}, 0, 1);
        }
    }

    @Test
    void commandsEndWithCrAndLfAndBlankLinesAreIgnored() {
        feed("AT\r\nAT+CSQ\r\r\n\n  ATE0  \r");
        assertThat(events).containsExactly("cmd:AT", "cmd:AT+CSQ", "cmd:ATE0");
    }

    @Test
    void aCommandIsNotCompleteWithoutCr() {
        feed("AT+CSQ\n");
        assertThat(events).isEmpty();
        feed("\r");
        assertThat(events).containsExactly("cmd:AT+CSQ");
    }

    @Test
    void payloadEndsWithCtrlZOrIsCancelledWithEsc() {
        reader.expectPayload(3);
        feed("0001\r\n02\u001A");
        reader.expectPayload(9);
        feed("ABCD\u001B");
        feed("AT\r");
        assertThat(events).containsExactly("pdu:3:000102", "cancelled", "cmd:AT");
    }

    @Test
    void overlongInputIsCutAtTheLimit() {
        feed("AT" + "9".repeat(ModemLineReader.MAX_LENGTH * 2) + "\r");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).hasSize("cmd:".length() + ModemLineReader.MAX_LENGTH);
    }
}
