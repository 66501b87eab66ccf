package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialModemConfigTest {

    @Test
    void defaultsMatchTheDocumentation() {
        SerialModemConfig c = SerialModemConfig.builder("/dev/ttyUSB2").build();
        assertThat(c.baudRate()).isEqualTo(115200);
        assertThat(c.signalPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.reconnectInitialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.simPin()).isNull();
        assertThat(c.isTcp()).isFalse();
    }

    @Test
    void theAudioPortSpeedCarriesPcmOnARealUart() {
        SerialModemConfig c = SerialModemConfig.builder("/dev/ttyS1").audioPort("/dev/ttyS2").build();
        // 8 kHz x 16 bit = 16 000 bytes/s = 160 000 bit/s on 8N1: the AT port's 115 200 would under-run.
        assertThat(c.audioBaudRate()).isEqualTo(921_600).isGreaterThan(16_000 * 10);
        assertThat(SerialModemConfig.builder("/dev/x").audioBaudRate(460_800).build().audioBaudRate())
                .isEqualTo(460_800);
        assertThatThrownBy(() -> SerialModemConfig.builder("/dev/x").audioBaudRate(115_200).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audioBaudRate");
    }

    @Test
    void tcpAddressIsParsed() {
        SerialModemConfig c = SerialModemConfig.builder("tcp://10.0.0.5:4001").build();
        assertThat(c.isTcp()).isTrue();
        assertThat(c.tcpAddress().getHost()).isEqualTo("10.0.0.5");
        assertThat(c.tcpAddress().getPort()).isEqualTo(4001);
    }

    @Test
    void theSimPinRuleIsFourToEightDigits() {
        assertThat(SerialModemConfig.isValidSimPin("1234")).isTrue();
        assertThat(SerialModemConfig.isValidSimPin("12345678")).isTrue();
        for (String bad : new String[] {null, "", "123", "123456789", "12a4", " 1234", "\u0661\u0662\u0663\u0664"}) {
            assertThat(SerialModemConfig.isValidSimPin(bad)).as("%s", bad).isFalse();
        }
        assertThat(SerialModemConfig.builder("/dev/x").simPin("0000").build().simPin()).isEqualTo("0000");
    }

    @Test
    void tcpIsRecognisedByItsSchemeInAnyCase() {
        assertThat(SerialModemConfig.isTcp("tcp://10.0.0.5:4001")).isTrue();
        assertThat(SerialModemConfig.isTcp("TCP://10.0.0.5:4001")).isTrue();
        assertThat(SerialModemConfig.isTcp("/dev/ttyUSB2")).isFalse();
        assertThat(SerialModemConfig.isTcp("simulator")).isFalse();
    }

    @Test
    void invalidValuesAreRejectedWithoutEchoingThePin() {
        assertThatThrownBy(() -> SerialModemConfig.builder("tcp://host").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialModemConfig.builder(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialModemConfig.builder("/dev/x").simPin("12a4").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("12a4");
        assertThatThrownBy(() -> SerialModemConfig.builder("/dev/x")
                .reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialModemConfig.builder("/dev/x").commandTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsThePin() {
        assertThat(SerialModemConfig.builder("/dev/x").simPin("97531").build().toString())
                .doesNotContain("97531");
    }

    @Test
    void openingAMissingSerialPortRetriesInTheBackground() throws Exception {
        SerialModemConfig c = SerialModemConfig.builder("/dev/callstack-does-not-exist")
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50)).build();
        try (SerialModem modem = SerialModem.create(c)) {
            assertThat(modem.awaitConnected(Duration.ofMillis(300))).isFalse();
            assertThat(modem.haltReason()).isEmpty();
        }
    }
}
