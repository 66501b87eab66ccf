package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtLineFramerTest {
    private final List<String> out = new ArrayList<>();
    private final AtLineFramer framer = new AtLineFramer(64);
    private final AtLineFramer.Sink sink = new AtLineFramer.Sink() {
        @Override
        public void onLine(String line) {
            out.add(line);
        }

        @Override
        public void onPrompt() {
            out.add("<PROMPT>");
        }

        @Override
        public void onOverflow(int length) {
            out.add("<OVERFLOW " + length + ">");
        }
    };

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(b, 0, b.length, sink);
    }

    @Test
    void splitsOnCrLfAndDropsBlankLines() {
        feed("\r\n+CSQ: 11,99\r\n\r\nOK\r\n");
        assertThat(out).containsExactly("+CSQ: 11,99", "OK");
    }

    @Test
    void handlesEchoWithCrCrLfFramingHuaweiE1752() {
        // testdata/at-transcripts.md §5/§8: AT+CSQ\r\r\n+CSQ: 11,99\r\n\r\nOK\r\n
        feed("AT+CSQ\r\r\n+CSQ: 11,99\r\n\r\nOK\r\n");
        assertThat(out).containsExactly("AT+CSQ", "+CSQ: 11,99", "OK");
    }

    @Test
    void handlesCrOnlyAndLfOnly() {
        // testdata/at-transcripts.md §1/§8: +CDS:25\r<pdu>\r and \nNO CARRIER\r\n
        feed("+CDS:25\r0791AB\r+CMTI: \"ME\",1\r\nNO CARRIER\r\n");
        assertThat(out).containsExactly("+CDS:25", "0791AB", "+CMTI: \"ME\",1", "NO CARRIER");
    }

    @Test
    void handlesSimcomCrCrLfFraming() {
        feed("\r\r\n+CRING: VOICE\r\r\n\r\r\nRING\r\r\n");
        assertThat(out).containsExactly("+CRING: VOICE", "RING");
    }

    @Test
    void joinsLinesFragmentedAcrossReads() {
        String all = "\r\nOK\r\n\r\n+CMTI: \"ME\",1\r\n";
        for (int i = 0; i < all.length(); i++) {
            feed(String.valueOf(all.charAt(i)));
        }
        assertThat(out).containsExactly("OK", "+CMTI: \"ME\",1");
    }

    @Test
    void holdsAPartialLineUntilItEnds() {
        // ESP-AT: echo and the start of the next line in one chunk (atat#219)
        feed("AT+CWMODE=1\r\n\r\nO");
        assertThat(out).containsExactly("AT+CWMODE=1");
        feed("K\r\n");
        assertThat(out).containsExactly("AT+CWMODE=1", "OK");
    }

    @Test
    void recognisesThePromptWithoutLineEnd() {
        feed("\r\n> ");
        assertThat(out).containsExactly("<PROMPT>");
    }

    @Test
    void recognisesABarePromptAndABarePromptSplitFromItsSpace() {
        feed(">");
        feed(" ");
        feed("\r\n+CMGS: 64\r\n\r\nOK\r\n");
        assertThat(out).containsExactly("<PROMPT>", "+CMGS: 64", "OK");
    }

    @Test
    void promptFollowedByTypedTextInOneChunkIsALine() {
        // TinyGSM#32: ">Text here lol" on one line; the executor treats a line starting with '>' as the prompt
        feed("\r\n>Text here lol\r\n");
        assertThat(out).containsExactly(">Text here lol");
    }

    @Test
    void dropsAnOverlongLineAndCarriesOn() {
        feed("x".repeat(200) + "\r\nOK\r\n");
        assertThat(out).containsExactly("<OVERFLOW 200>", "OK");
    }

    @Test
    void overlongLineSplitAcrossReadsIsDroppedToo() {
        for (int i = 0; i < 10; i++) {
            feed("y".repeat(30));
        }
        feed("\r\nRING\r\n");
        assertThat(out).containsExactly("<OVERFLOW 300>", "RING");
    }

    @Test
    void replacesNonAsciiAndDropsControlBytes() {
        byte[] bytes = {'?', (byte) 0xFF, (byte) 0xC3, '?', 0x00, 0x1A, '\r', '\n', 'O', 'K', '\r', '\n'};
        framer.feed(bytes, 0, bytes.length, sink);
        assertThat(out).containsExactly("?\uFFFD\uFFFD?", "OK");
    }

    @Test
    void garbageNoiseLineDoesNotDisturbTheNext() {
        // SIM800L '????' on the UART before a URC (esphome#4425)
        feed("?????\r\n+CMTI: \"SL\",1\r\n");
        assertThat(out).containsExactly("?????", "+CMTI: \"SL\",1");
    }
}
