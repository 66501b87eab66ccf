package dev.callstack.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsTest {
    @Test
    void internationalAndNationalFormsOfOneNumberMatch() {
        assertThat(Recipients.sameRecipient("+4917212345678", "4917212345678")).isTrue();
        assertThat(Recipients.sameRecipient("+4917212345678", "017212345678")).isTrue();
        assertThat(Recipients.sameRecipient("+4917212345678", "004917212345678")).isTrue();
        assertThat(Recipients.sameRecipient("639337937", "+63639337937")).isTrue();
    }

    @Test
    void differentNumbersAndShortSuffixesDoNotMatch() {
        assertThat(Recipients.sameRecipient("+4917212345678", "+4917212345679")).isFalse();
        assertThat(Recipients.sameRecipient("12345", "912345")).isFalse();
        assertThat(Recipients.sameRecipient("50131", "50131")).isTrue();
        assertThat(Recipients.sameRecipient("", "")).isFalse();
        assertThat(Recipients.sameRecipient(null, "1")).isFalse();
    }

    @Test
    void fingerprintIgnoresCaseAndFramingButNotSlot() {
        String a = MessageFingerprint.of("SM", 1, "0791ABCD");
        assertThat(MessageFingerprint.of(" sm", 1, "0791abcd\r\n")).isEqualTo(a);
        assertThat(MessageFingerprint.of("SM", 2, "0791ABCD")).isNotEqualTo(a);
        assertThat(a).hasSize(64).doesNotContain("0791");
    }
}
