package dev.callstack.modem.pdu;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded SMS-DELIVER: a message from the network to the modem. Its {@code toString()} shows only the shape
 * (redacted originator, coding, part, lengths), never the body.
 *
 * @param smsc                   service centre, if the SMSC field named one
 * @param originator             TP-OA: number (with its type of address) or alphanumeric name
 * @param protocolId             TP-PID
 * @param dataCoding             TP-DCS as received: alphabet, class (flash = class 0)
 * @param coding                 the alphabet the body was actually decoded with; it differs from the DCS only
 *                               for a group F DCS with its reserved bit set, when only the other alphabet fits
 *                               TP-UDL (seen in real captures)
 * @param serviceCentreTimestamp TP-SCTS with the zone it carried; when {@code zoneUnknown} is set, the digits as
 *                               sent at offset UTC
 * @param concatenation          the concatenation header element, when this is one part of several
 * @param userDataHeader         the raw header including its length octet; empty when TP-UDHI is clear
 * @param text                   the body (empty for 8-bit data)
 * @param data                   the raw body octets for 8-bit data (empty otherwise)
 * @param replyPath              TP-RP
 * @param statusReportIndication TP-SRI
 * @param zoneUnknown            true when the TP-SCTS zone octet was not valid (not BCD, or beyond 18 hours), as
 *                               some service centres send it: the message is kept and its timestamp is read as UTC
 */
// The octets are copied in and out; records of raw octets are values to read, not keys to compare.
@SuppressWarnings("ArrayRecordComponent")
public record SmsDeliver(Optional<PduAddress> smsc, PduAddress originator, int protocolId, DataCoding dataCoding,
                         Coding coding, OffsetDateTime serviceCentreTimestamp, Optional<Concatenation> concatenation,
                         byte[] userDataHeader, String text, byte[] data, boolean replyPath,
                         boolean statusReportIndication, boolean zoneUnknown) implements DecodedPdu {
    /**
     * Checks for nulls and copies the arrays.
     *
     * @param smsc                   see {@link #smsc()}
     * @param originator             see {@link #originator()}
     * @param protocolId             see {@link #protocolId()}
     * @param dataCoding             see {@link #dataCoding()}
     * @param coding                 see {@link #coding()}
     * @param serviceCentreTimestamp see {@link #serviceCentreTimestamp()}
     * @param concatenation          see {@link #concatenation()}
     * @param userDataHeader         see {@link #userDataHeader()}
     * @param text                   see {@link #text()}
     * @param data                   see {@link #data()}
     * @param replyPath              see {@link #replyPath()}
     * @param statusReportIndication see {@link #statusReportIndication()}
     * @param zoneUnknown            see {@link #zoneUnknown()}
     * @throws NullPointerException when a field is null
     */
    public SmsDeliver {
        Objects.requireNonNull(smsc, "smsc");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(coding, "coding");
        Objects.requireNonNull(serviceCentreTimestamp, "serviceCentreTimestamp");
        Objects.requireNonNull(concatenation, "concatenation");
        userDataHeader = Objects.requireNonNull(userDataHeader, "userDataHeader").clone();
        Objects.requireNonNull(text, "text");
        data = Objects.requireNonNull(data, "data").clone();
    }

    /**
     * A message whose timestamp zone was read: {@code zoneUnknown} is false.
     *
     * @param smsc                   see {@link #smsc()}
     * @param originator             see {@link #originator()}
     * @param protocolId             see {@link #protocolId()}
     * @param dataCoding             see {@link #dataCoding()}
     * @param coding                 see {@link #coding()}
     * @param serviceCentreTimestamp see {@link #serviceCentreTimestamp()}
     * @param concatenation          see {@link #concatenation()}
     * @param userDataHeader         see {@link #userDataHeader()}
     * @param text                   see {@link #text()}
     * @param data                   see {@link #data()}
     * @param replyPath              see {@link #replyPath()}
     * @param statusReportIndication see {@link #statusReportIndication()}
     * @throws NullPointerException when a field is null
     */
    public SmsDeliver(Optional<PduAddress> smsc, PduAddress originator, int protocolId, DataCoding dataCoding,
                      Coding coding, OffsetDateTime serviceCentreTimestamp, Optional<Concatenation> concatenation,
                      byte[] userDataHeader, String text, byte[] data, boolean replyPath,
                      boolean statusReportIndication) {
        this(smsc, originator, protocolId, dataCoding, coding, serviceCentreTimestamp, concatenation, userDataHeader,
                text, data, replyPath, statusReportIndication, false);
    }

    /**
     * The raw user data header.
     *
     * @return a copy: the header including its length octet, or empty when TP-UDHI is clear
     */
    @Override
    public byte[] userDataHeader() {
        return userDataHeader.clone();
    }

    /**
     * The raw body octets.
     *
     * @return a copy: the body for 8-bit data, empty otherwise
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Whether this is a class 0 ("flash") message, shown at once and not stored.
     *
     * @return true for class 0
     */
    public boolean flash() {
        return dataCoding.flash();
    }

    /** No body in the log: only shape. */
    @Override
    public String toString() {
        return "SmsDeliver[originator=" + originator + ", coding=" + coding + ", concatenation="
                + concatenation.orElse(null) + ", textLength=" + text.length() + ", dataLength=" + data.length + "]";
    }
}
