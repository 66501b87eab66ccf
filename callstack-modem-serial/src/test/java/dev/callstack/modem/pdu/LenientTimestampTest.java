package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.event.DeliveryStatus;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A time-zone octet that is not valid BCD, or beyond 18 hours, costs only the zone: the message or report is kept,
 * with the time read as UTC and {@code zoneUnknown} set, as AOSP and python-gsmmodem keep them.
 */
class LenientTimestampTest {
    /**
     * Real capture (testdata/at-transcripts.md, section "python-gsmmodem #15"): an SMS-STATUS-REPORT from an
     * Indonesian operator whose TP-SCTS zone octet is 0xC2 (not BCD); its TP-DT zone 0x82 is a valid +7 h.
     */
    private static final String REAL_REPORT = "0006230E9126983575169498610103409544C26101034095448200";
    /** ModemManager test_pdu3 ("hellohello"), zone octet 00. */
    private static final String DELIVER = "07912143658709F1040B918100551512F20000111010214365000AE8329BFD4697D9EC37";
    private static final String DELIVER_SCTS = "11101021436500";

    @Test
    void realReportWithNonBcdZoneIsDecodedWithTheZoneUnknown() throws Exception {
        SmsStatusReport report = PduDecoder.decodeStatusReport(REAL_REPORT);

        assertThat(report.zoneUnknown()).isTrue();
        assertThat(report.messageReference()).isEqualTo(0x23);
        assertThat(report.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(report.serviceCentreTimestamp()).isEqualTo(OffsetDateTime.parse("2016-10-30T04:59:44Z"));
        assertThat(report.dischargeTime()).isEqualTo(OffsetDateTime.parse("2016-10-30T04:59:44+07:00"));
    }

    @Test
    void deliverWithNonBcdZoneKeepsItsTextAndReadsTheTimeAsUtc() throws Exception {
        SmsDeliver d = PduDecoder.decodeDeliver(withZone("C2"));

        assertThat(d.text()).isEqualTo("hellohello");
        assertThat(d.zoneUnknown()).isTrue();
        assertThat(d.serviceCentreTimestamp()).isEqualTo(OffsetDateTime.parse("2011-01-01T12:34:56Z"));
    }

    @Test
    void zoneBeyondEighteenHoursAndAllOnesAreUnknownToo() throws Exception {
        // 0x97: tens digit 7, units 9 = 79 quarters (19 h 45); 0xFF: what some modems print for "no zone".
        for (String zone : new String[] {"97", "FF", "C0"}) {
            SmsDeliver d = PduDecoder.decodeDeliver(withZone(zone));
            assertThat(d.zoneUnknown()).as(zone).isTrue();
            assertThat(d.serviceCentreTimestamp().getOffset().getTotalSeconds()).as(zone).isZero();
        }
    }

    @Test
    void validZonesAreNotFlagged() throws Exception {
        SmsDeliver minusThree = PduDecoder.decodeDeliver(withZone("29"));
        assertThat(minusThree.zoneUnknown()).isFalse();
        assertThat(minusThree.serviceCentreTimestamp().getOffset().getTotalSeconds()).isEqualTo(-3 * 3600);
        assertThat(PduDecoder.decodeDeliver(DELIVER).zoneUnknown()).isFalse();
        assertThat(PduDecoder.decode("0001000B914316565811F9000004E8373B0C").zoneUnknown()).isFalse();
    }

    @Test
    void badDateDigitsAreStillRejected() {
        // Month 13: a wrong date would be worse than a PDU kept undecoded.
        String month13 = DELIVER.replace(DELIVER_SCTS, "11311021436500");
        assertThatThrownBy(() -> PduDecoder.decode(month13)).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("TP-SCTS");
        String nonDecimalSecond = DELIVER.replace(DELIVER_SCTS, "111010214365".substring(0, 10) + "6F00");
        assertThatThrownBy(() -> PduDecoder.decode(nonDecimalSecond)).isInstanceOf(PduFormatException.class);
    }

    private static String withZone(String zone) {
        return DELIVER.replace(DELIVER_SCTS, DELIVER_SCTS.substring(0, 12) + zone);
    }
}
