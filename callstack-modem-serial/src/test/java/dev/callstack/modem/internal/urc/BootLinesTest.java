package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Boot lines of {@code testdata/at-transcripts.md} §10. */
class BootLinesTest {
    @Test
    void restartLinesOfEveryFamily() {
        assertThat(UrcParser.parse("RDY")).isEqualTo(new Urc.Boot("RDY", Urc.Boot.Kind.RESTARTED));
        assertThat(UrcParser.parse("+CFUN: 1")).isEqualTo(new Urc.Boot("+CFUN: 1", Urc.Boot.Kind.RESTARTED));
        assertThat(UrcParser.parse("^SYSSTART")).isEqualTo(new Urc.Boot("^SYSSTART", Urc.Boot.Kind.RESTARTED));
    }

    @Test
    void smsReadyLines() {
        assertThat(UrcParser.parse("SMS Ready")).isEqualTo(new Urc.Boot("SMS READY", Urc.Boot.Kind.SMS_READY));
        assertThat(UrcParser.parse("SMS DONE")).isEqualTo(new Urc.Boot("SMS DONE", Urc.Boot.Kind.SMS_READY));
        assertThat(UrcParser.parse("+QIND: SMS DONE"))
                .isEqualTo(new Urc.Boot("+QIND: SMS DONE", Urc.Boot.Kind.SMS_READY));
    }

    @Test
    void noticesAndTheSimLine() {
        assertThat(UrcParser.parse("Call Ready")).isEqualTo(new Urc.Boot("CALL READY", Urc.Boot.Kind.NOTICE));
        assertThat(UrcParser.parse("+QIND: PB DONE")).isEqualTo(new Urc.Boot("+QIND: PB DONE", Urc.Boot.Kind.NOTICE));
        assertThat(UrcParser.parse("^SIMST: 1")).isEqualTo(new Urc.Boot("^SIMST:", Urc.Boot.Kind.NOTICE));
        // Also the answer to our own PIN entry: never a restart.
        assertThat(UrcParser.parse("+CPIN: READY")).isEqualTo(new Urc.PinStatus("READY"));
        // Other +QIND lines stay noise.
        assertThat(UrcParser.parse("+QIND: \"csq\",20,99")).isInstanceOf(Urc.Info.class);
    }
}
