package dev.callstack.modem.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.DeliveryStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SmsStatusReportEncoderTest {
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.of(2026, 11, 26, 21, 5, 9, 0, ZoneOffset.UTC);

    @Test
    void roundTripsThroughTheDecoder() throws Exception {
        String hex = SmsStatusReportEncoder.encode(201, PhoneNumber.of("+12025550143"), SUBMITTED,
                SUBMITTED.plusSeconds(3), 0);

        SmsStatusReport report = PduDecoder.decodeStatusReport(hex);
        assertThat(report.messageReference()).isEqualTo(201);
        assertThat(report.recipient().value()).isEqualTo("+12025550143");
        assertThat(report.serviceCentreTimestamp()).isEqualTo(SUBMITTED);
        assertThat(report.dischargeTime()).isEqualTo(SUBMITTED.plusSeconds(3));
        assertThat(report.status()).isZero();
        assertThat(report.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(report.statusReportQualifier()).isFalse();
        assertThat(PduDecoder.decodeStatusReport(SmsStatusReportEncoder.encode(0, PhoneNumber.of("0201234567"),
                SUBMITTED, SUBMITTED, 0x46)).deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
    }

    /** The capture pm-status-report-no-smsc of testdata/pdu-vectors.json, byte for byte. */
    @Test
    void reproducesARealCapture() {
        OffsetDateTime at = OffsetDateTime.parse("2010-10-05T16:00:00+01:00");
        assertThat(SmsStatusReportEncoder.encode(5, PhoneNumber.of("50131"), at, at, 0))
                .isEqualTo("00060505810531F1010150610000400101506100004000");
    }

    @Test
    void referenceAndStatusMustBeOctets() {
        PhoneNumber to = PhoneNumber.of("+12025550143");
        assertThatThrownBy(() -> SmsStatusReportEncoder.encode(256, to, SUBMITTED, SUBMITTED, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsStatusReportEncoder.encode(1, to, SUBMITTED, SUBMITTED, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
