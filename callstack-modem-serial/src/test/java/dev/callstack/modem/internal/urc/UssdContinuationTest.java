package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A +CUSD whose quoted text the framer delivered as several lines, through the URC assembler. */
class UssdContinuationTest {
    private final UrcAssembler assembler = new UrcAssembler();
    private final List<Urc> out = new ArrayList<>();

    @Test
    void menuLinesAreJoinedUntilTheQuoteCloses() {
        assertThat(assembler.accept("+CUSD: 1,\"1. Balance")).isEmpty();
        assertThat(assembler.awaitingUssdText()).isTrue();
        assertThat(assembler.continueUssd("2. Bundles", out::add)).isTrue();
        assertThat(out).isEmpty();
        assertThat(assembler.continueUssd("3. Help\",15", out::add)).isTrue();
        assertThat(out).containsExactly(new Urc.Ussd(1, "1. Balance\n2. Bundles\n3. Help", 15));
        assertThat(assembler.awaitingUssdText()).isFalse();
    }

    @Test
    void aKnownLineEndsAnUnclosedReplyAndIsHandledOnItsOwn() {
        assembler.accept("+CUSD: 1,\"1. Balance");
        assembler.continueUssd("2. Bundles", out::add);
        assertThat(assembler.continueUssd("RING", out::add)).isFalse();
        assertThat(out).containsExactly(new Urc.Ussd(1, "1. Balance\n2. Bundles", -1));
        assertThat(assembler.awaitingUssdText()).isFalse();
    }

    @Test
    void aReplyThatNeverClosesIsCutAtTheLineBound() {
        assembler.accept("+CUSD: 1,\"line 0");
        int consumed = 0;
        for (int i = 1; i < 100 && assembler.awaitingUssdText(); i++) {
            assertThat(assembler.continueUssd("line " + i, out::add)).isTrue();
            consumed++;
        }
        assertThat(consumed).isEqualTo(UssdContinuation.MAX_LINES - 1);
        assertThat(out).hasSize(1);
        assertThat(((Urc.Ussd) out.get(0)).message()).startsWith("line 0\nline 1").endsWith("line 15");
    }

    @Test
    void aReplyThatNeverClosesIsCutAtTheCharacterBound() {
        assembler.accept("+CUSD: 1,\"" + "x".repeat(100));
        assertThat(assembler.continueUssd("y".repeat(5000), out::add)).isTrue();
        assertThat(out).hasSize(1);
        assertThat(((Urc.Ussd) out.get(0)).message()).hasSizeLessThanOrEqualTo(UssdContinuation.MAX_CHARS);
    }

    @Test
    void aOneLineReplyIsNotHeldBack() {
        assertThat(assembler.accept("+CUSD: 0,\"Balance 5.00\",15")).contains(new Urc.Ussd(0, "Balance 5.00", 15));
        assertThat(assembler.awaitingUssdText()).isFalse();
    }

    @Test
    void aNewLinkForgetsAHalfReceivedReply() {
        assembler.accept("+CUSD: 1,\"1. Balance");
        assembler.reset();
        assertThat(assembler.awaitingUssdText()).isFalse();
    }
}
