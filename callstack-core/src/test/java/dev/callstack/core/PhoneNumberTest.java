package dev.callstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"123", "+123", "112", "15550100100", "+15550100100", "123456789012345", "+123456789012345",
            "000"})
    void acceptsAnOptionalPlusAndThreeToFifteenAsciiDigits(String value) {
        assertThat(PhoneNumber.isValid(value)).isTrue();
        assertThat(PhoneNumber.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "12", "+12", "1234567890123456", "+1234567890123456", "12a45", "١٢٣٤٥",
            "+١٢٣٤٥", "１２３４５", " 123", "123 ", "++123", "1+23", "123+", "-123", "(555) 123", "555-0100", "+1 555",
            "12\n3", "\u0000123", "#123"})
    void rejectsEverythingElseWithoutEchoingTheInput(String value) {
        assertThat(PhoneNumber.isValid(value)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.of(value))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(error -> {
                    if (value.strip().length() >= 3) {
                        assertThat(error.getMessage()).doesNotContain(value.strip());
                    }
                });
    }

    @Test
    void errorMessageDoesNotContainAnyDigitOfTheInput() {
        assertThatThrownBy(() -> PhoneNumber.of("+98765432109876543"))
                .message().doesNotContainPattern("[0-9]{4}").doesNotContain("98765");
    }

    @Test
    void nullIsNotValid() {
        assertThat(PhoneNumber.isValid(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> PhoneNumber.of(null));
    }

    @Test
    void toStringIsRedacted() {
        PhoneNumber number = PhoneNumber.of("+15550100100");

        assertThat(number).hasToString("+***0100");
        assertThat(String.valueOf(number)).doesNotContain("5550");
    }

    @Test
    void digitsDropThePlus() {
        assertThat(PhoneNumber.of("+15550100100").digits()).isEqualTo("15550100100");
        assertThat(PhoneNumber.of("+15550100100").isInternational()).isTrue();
        assertThat(PhoneNumber.of("5550100").digits()).isEqualTo("5550100");
        assertThat(PhoneNumber.of("5550100").isInternational()).isFalse();
    }

    @Test
    void equalityIsByValue() {
        assertThat(PhoneNumber.of("+123")).isEqualTo(new PhoneNumber("+123")).isNotEqualTo(PhoneNumber.of("123"));
    }
}
