package dev.callstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UssdCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"*100#", "#", "*", "1", "*123*4567890123456#", "##002#"})
    void acceptsDigitsStarAndHash(String value) {
        assertThat(UssdCode.isValid(value)).isTrue();
        assertThat(UssdCode.of(value).value()).isEqualTo(value);
    }

    @Test
    void acceptsUpTo64Characters() {
        assertThat(UssdCode.isValid("*" + "1".repeat(62) + "#")).isTrue();
        assertThat(UssdCode.isValid("*" + "1".repeat(63) + "#")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*100# ", "*100\"#", "*100#\r\nAT+CMGD=1", "*10a#", "+100#", "*١٠٠#", "*100,#",
            "*100#;"})
    void rejectsAnythingElseWithAFixedMessage(String value) {
        assertThat(UssdCode.isValid(value)).isFalse();
        assertThatThrownBy(() -> UssdCode.of(value))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Invalid USSD code");
    }

    @Test
    void rejectsNull() {
        assertThat(UssdCode.isValid(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> UssdCode.of(null));
    }

    @Test
    void toStringHidesTheCode() {
        assertThat(UssdCode.of("*123*4567#").toString()).doesNotContain("123", "4567").contains("redacted");
    }
}
