package dev.callstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.SmsEncoding;
import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    void gsm7Takes160InOnePartThen153PerPart() {
        assertThat(SmsParts.count("x", SmsEncoding.AUTO)).isEqualTo(1);
        assertThat(SmsParts.count("x".repeat(160), SmsEncoding.AUTO)).isEqualTo(1);
        assertThat(SmsParts.count("x".repeat(161), SmsEncoding.AUTO)).isEqualTo(2);
        assertThat(SmsParts.count("x".repeat(306), SmsEncoding.AUTO)).isEqualTo(2);
        assertThat(SmsParts.count("x".repeat(307), SmsEncoding.AUTO)).isEqualTo(3);
        assertThat(SmsParts.count("line\r\nbreak", SmsEncoding.AUTO)).isEqualTo(1);
    }

    @Test
    void ucs2Takes70InOnePartThen67PerPart() {
        assertThat(SmsParts.count("ж".repeat(70), SmsEncoding.AUTO)).isEqualTo(1);
        assertThat(SmsParts.count("ж".repeat(71), SmsEncoding.AUTO)).isEqualTo(2);
        assertThat(SmsParts.count("ж".repeat(134), SmsEncoding.AUTO)).isEqualTo(2);
        assertThat(SmsParts.count("ж".repeat(135), SmsEncoding.AUTO)).isEqualTo(3);
        assertThat(SmsParts.count("x".repeat(71), SmsEncoding.UCS2)).isEqualTo(2);
    }

    @Test
    void oneNonAsciiCharacterMakesAutoUseUcs2AndForcedGsm7DoesNot() {
        String text = "x".repeat(100) + "€";

        assertThat(SmsParts.count(text, SmsEncoding.AUTO)).isEqualTo(2);
        assertThat(SmsParts.count(text, SmsEncoding.GSM7)).isEqualTo(1);
    }
}
