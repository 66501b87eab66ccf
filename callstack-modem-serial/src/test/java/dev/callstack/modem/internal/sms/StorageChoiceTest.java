package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code AT+CPMS=?} lists (real answers, testdata/at-transcripts.md §14) and the memories chosen from them. */
class StorageChoiceTest {
    private static StorageChoice choose(String answer) {
        return StorageChoice.choose(StorageChoice.parseLists(answer), StorageChoice.PREFERRED).orElseThrow();
    }

    @Test
    void threeListsAreParsedInOrder() {
        assertThat(StorageChoice.parseLists("(\"ME\",\"MT\"),(\"ME\",\"SM\",\"MT\"),(\"SM\",\"MT\")"))
                .containsExactly(List.of("ME", "MT"), List.of("ME", "SM", "MT"), List.of("SM", "MT"));
    }

    @Test
    void theSimIsPreferredWhenEveryListOffersIt() {
        assertThat(choose("(\"SM\",\"ME\",\"SM_P\",\"ME_P\",\"MT\"),(\"SM\",\"ME\",\"SM_P\",\"ME_P\",\"MT\"),"
                + "(\"SM\",\"ME\",\"SM_P\",\"ME_P\",\"MT\")").memories()).containsExactly("SM", "SM", "SM");
        assertThat(choose("(\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\")")
                .memories()).containsExactly("SM", "SM", "SM");
    }

    @Test
    void theReceivingMemoryIsOneTheReadMemoryCanReach() {
        // ModemManager's Cinterion test answer: mem1 cannot read "SM", so "MT" (both) is used everywhere.
        StorageChoice choice = choose("(\"ME\",\"MT\"),(\"ME\",\"SM\",\"MT\"),(\"SM\",\"MT\")");
        assertThat(choice.memories()).containsExactly("MT", "MT", "MT");
        assertThat(choice.command()).isEqualTo("AT+CPMS=\"MT\",\"MT\",\"MT\"");
        assertThat(choice.readFrom()).containsExactly("MT");
    }

    @Test
    void aModemWithOnlyItsOwnMemoryGetsIt() {
        // gammu's smsd test: a modem offering "ME" alone, in two lists.
        StorageChoice choice = choose("(\"ME\"),(\"ME\")");
        assertThat(choice.memories()).containsExactly("ME", "ME");
        assertThat(choice.command()).isEqualTo("AT+CPMS=\"ME\",\"ME\"");
    }

    @Test
    void aListWithoutAnyPreferredMemoryMeansNoChoice() {
        assertThat(StorageChoice.choose(StorageChoice.parseLists("(\"BM\"),(\"BM\"),(\"BM\")"),
                StorageChoice.PREFERRED)).isEmpty();
        assertThat(StorageChoice.choose(StorageChoice.parseLists(""), StorageChoice.PREFERRED)).isEmpty();
    }
}
