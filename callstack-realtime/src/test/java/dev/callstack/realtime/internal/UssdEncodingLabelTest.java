package dev.callstack.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UssdEncodingLabelTest {

    @ParameterizedTest(name = "DCS {0} -> {1}")
    @CsvSource({
        "-1, unknown",
        "0, gsm7", "15, gsm7", "0x10, gsm7", "0x11, ucs2", "0x12, unknown", "0x1F, unknown",
        "0x20, gsm7", "0x3F, gsm7",
        "0x40, gsm7", "0x44, 8bit", "0x48, ucs2", "0x4C, unknown", "0x60, unknown", "0x68, unknown",
        "0x80, unknown", "0x90, gsm7", "0x94, 8bit", "0x98, ucs2", "0xA0, unknown", "0xE0, unknown",
        "0xF0, gsm7", "0xF4, 8bit", "0xFF, 8bit", "256, unknown"
    })
    void labelFollowsTheCodingGroup(String dcs, String label) {
        int value = dcs.startsWith("0x") ? Integer.parseInt(dcs.substring(2), 16) : Integer.parseInt(dcs);

        assertThat(UssdEncodingLabel.of(value)).isEqualTo(label);
    }
}
