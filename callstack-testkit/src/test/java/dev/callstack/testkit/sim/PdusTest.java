package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PdusTest {
    @Test
    void tpduLengthExcludesTheSmscField() {
        assertThat(Pdus.tpduLength(AtModemSimulatorPipeTest.DELIVER_PDU)).hasValue(23);
        assertThat(Pdus.tpduLength(AtModemSimulatorPipeTest.REPORT_PDU)).hasValue(24);
        assertThat(Pdus.tpduLength(AtModemSimulatorPipeTest.SUBMIT_PDU)).hasValue(61);
        assertThat(Pdus.tpduLength(AtModemSimulatorPipeTest.SUBMIT_PDU.toLowerCase(Locale.ROOT))).hasValue(61);
    }

    @Test
    void garbageHasNoTpduLength() {
        assertThat(Pdus.tpduLength("")).isEmpty();
        assertThat(Pdus.tpduLength("BAD")).isEmpty();
        assertThat(Pdus.tpduLength("0G11")).isEmpty();
        assertThat(Pdus.tpduLength("07912233")).isEmpty();
        assertThat(Pdus.announcedLength("BAD!")).isEqualTo(2);
    }
}
