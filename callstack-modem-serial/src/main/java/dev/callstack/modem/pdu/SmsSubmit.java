package dev.callstack.modem.pdu;

import java.util.Objects;
import java.util.Optional;

/**
 * A decoded SMS-SUBMIT, as found in modem storage (sent or unsent drafts) or produced by {@link SmsSubmitEncoder}.
 * Its {@code toString()} shows only the shape, never the body.
 *
 * @param smsc                service centre, if the SMSC field named one
 * @param messageReference    TP-MR
 * @param recipient           TP-DA
 * @param protocolId          TP-PID
 * @param dataCoding          TP-DCS as received
 * @param coding              the alphabet the body was decoded with
 * @param statusReportRequest TP-SRR
 * @param validityPeriodFormat TP-VPF (0 none, 1 enhanced, 2 relative, 3 absolute)
 * @param relativeValidity    the TP-VP octet when the format is relative, else -1
 * @param concatenation       the concatenation header element, if any
 * @param userDataHeader      the raw header including its length octet; empty when TP-UDHI is clear
 * @param text                the body (empty for 8-bit data)
 * @param data                the raw body octets for 8-bit data (empty otherwise)
 * @param tpduLength          octets after the SMSC field: the length {@code AT+CMGS} takes
 */
// The octets are copied in and out; records of raw octets are values to read, not keys to compare.
@SuppressWarnings("ArrayRecordComponent")
public record SmsSubmit(Optional<PduAddress> smsc, int messageReference, PduAddress recipient, int protocolId,
                        DataCoding dataCoding, Coding coding, boolean statusReportRequest, int validityPeriodFormat,
                        int relativeValidity, Optional<Concatenation> concatenation, byte[] userDataHeader,
                        String text, byte[] data, int tpduLength) implements DecodedPdu {
    /**
     * Checks for nulls and copies the arrays.
     *
     * @param smsc                 see {@link #smsc()}
     * @param messageReference     see {@link #messageReference()}
     * @param recipient            see {@link #recipient()}
     * @param protocolId           see {@link #protocolId()}
     * @param dataCoding           see {@link #dataCoding()}
     * @param coding               see {@link #coding()}
     * @param statusReportRequest  see {@link #statusReportRequest()}
     * @param validityPeriodFormat see {@link #validityPeriodFormat()}
     * @param relativeValidity     see {@link #relativeValidity()}
     * @param concatenation        see {@link #concatenation()}
     * @param userDataHeader       see {@link #userDataHeader()}
     * @param text                 see {@link #text()}
     * @param data                 see {@link #data()}
     * @param tpduLength           see {@link #tpduLength()}
     * @throws NullPointerException when a field is null
     */
    public SmsSubmit {
        Objects.requireNonNull(smsc, "smsc");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(coding, "coding");
        Objects.requireNonNull(concatenation, "concatenation");
        userDataHeader = Objects.requireNonNull(userDataHeader, "userDataHeader").clone();
        Objects.requireNonNull(text, "text");
        data = Objects.requireNonNull(data, "data").clone();
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

    @Override
    public String toString() {
        return "SmsSubmit[mr=" + messageReference + ", recipient=" + recipient + ", coding=" + coding
                + ", concatenation=" + concatenation.orElse(null) + ", textLength=" + text.length() + "]";
    }
}
