package dev.callstack.modem.pdu;

import dev.callstack.core.event.DeliveryStatus;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded SMS-STATUS-REPORT: the network's word on a message the modem submitted with TP-SRR set. Match it to
 * the submission by {@link #messageReference()} (the TP-MR {@code +CMGS} reported) and recipient.
 *
 * @param smsc                   service centre, if the SMSC field named one
 * @param messageReference       TP-MR of the submitted message this report is about
 * @param recipient              TP-RA
 * @param serviceCentreTimestamp TP-SCTS: when the service centre received the submitted message
 * @param dischargeTime          TP-DT: when the status below was reached
 * @param status                 TP-ST as received (0–255)
 * @param statusReportQualifier  TP-SRQ: true when the report answers an SMS-COMMAND rather than a SUBMIT
 * @param zoneUnknown            true when the zone octet of TP-SCTS or TP-DT was not valid (not BCD, or beyond 18
 *                               hours), as some service centres send it: the report is kept and that timestamp
 *                               holds the digits as sent at offset UTC
 */
public record SmsStatusReport(Optional<PduAddress> smsc, int messageReference, PduAddress recipient,
                              OffsetDateTime serviceCentreTimestamp, OffsetDateTime dischargeTime, int status,
                              boolean statusReportQualifier, boolean zoneUnknown) implements DecodedPdu {
    /**
     * Checks the fields.
     *
     * @param smsc                   see {@link #smsc()}
     * @param messageReference       see {@link #messageReference()}
     * @param recipient              see {@link #recipient()}
     * @param serviceCentreTimestamp see {@link #serviceCentreTimestamp()}
     * @param dischargeTime          see {@link #dischargeTime()}
     * @param status                 see {@link #status()}
     * @param statusReportQualifier  see {@link #statusReportQualifier()}
     * @param zoneUnknown            see {@link #zoneUnknown()}
     * @throws NullPointerException     when a field is null
     * @throws IllegalArgumentException when the reference or status is not an octet
     */
    public SmsStatusReport {
        Objects.requireNonNull(smsc, "smsc");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(serviceCentreTimestamp, "serviceCentreTimestamp");
        Objects.requireNonNull(dischargeTime, "dischargeTime");
        if (messageReference < 0 || messageReference > 0xFF || status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("messageReference and status are octets");
        }
    }

    /**
     * A report whose timestamp zones were read: {@code zoneUnknown} is false.
     *
     * @param smsc                   see {@link #smsc()}
     * @param messageReference       see {@link #messageReference()}
     * @param recipient              see {@link #recipient()}
     * @param serviceCentreTimestamp see {@link #serviceCentreTimestamp()}
     * @param dischargeTime          see {@link #dischargeTime()}
     * @param status                 see {@link #status()}
     * @param statusReportQualifier  see {@link #statusReportQualifier()}
     * @throws NullPointerException     when a field is null
     * @throws IllegalArgumentException when the reference or status is not an octet
     */
    public SmsStatusReport(Optional<PduAddress> smsc, int messageReference, PduAddress recipient,
                           OffsetDateTime serviceCentreTimestamp, OffsetDateTime dischargeTime, int status,
                           boolean statusReportQualifier) {
        this(smsc, messageReference, recipient, serviceCentreTimestamp, dischargeTime, status, statusReportQualifier,
                false);
    }

    /**
     * TP-ST classified (3GPP TS 23.040 §9.2.3.15).
     *
     * @return delivered, still trying, or failed
     */
    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.fromTpStatus(status);
    }
}
