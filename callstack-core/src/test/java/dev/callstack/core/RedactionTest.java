package dev.callstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "+15550100100          | +***0100",
            "12345                 | ***2345",
            "1234                  | ***",
            "+1234                 | +***",
            "' +1 (555) 123-4567'  | +***4567",
            "DUO                   | DUO",
            "Bank-Alert            | Bank-Alert",
            "+                     | +",
            "123                   | ***",
            "1                     | ***",
            "+12345                | +***2345",
            "00441234567890        | ***7890",
            "'\t+44 20 7946 0958'  | +***0958",
            "'tel:5550100'         | ***0100",
            "٠١٢٣٤٥٦٧٨٩            | ٠١٢٣٤٥٦٧٨٩",
            "'+٠١٢٣45678'          | +***5678",
            "'１２３４５'            | １２３４５"})
    void phoneVectors(String value, String expected) {
        assertThat(Redaction.phone(value)).isEqualTo(expected);
    }

    @Test
    void nullOrEmptyIsUnknown() {
        assertThat(Redaction.phone(null)).isEqualTo("unknown");
        assertThat(Redaction.phone("")).isEqualTo("unknown");
    }

    @Test
    void neverShowsMoreThanTheLastFourDigits() {
        String number = "+15550100100";
        String redacted = Redaction.phone(number);

        assertThat(redacted.chars().filter(Character::isDigit).count()).isEqualTo(4);
        assertThat(redacted).doesNotContain("1555", "5550");
    }

    @Test
    void textIsRedactedButPresenceIsKept() {
        assertThat(Redaction.text("Your code is 1234")).isEqualTo(Redaction.REDACTED);
        assertThat(Redaction.text("")).isEqualTo(Redaction.REDACTED);
        assertThat(Redaction.text(null)).isEqualTo(Redaction.UNKNOWN);
    }
}
