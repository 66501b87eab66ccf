package dev.callstack.modem.internal.pdu;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded SMS-DELIVER.
 *
 * @param smsc                   service centre, if the SMSC field named one
 * @param originator             TP-OA: number (with its type of address) or alphanumeric name
 * @param protocolId             TP-PID
 * @param dataCoding             TP-DCS as received: alphabet, class (flash = class 0)
 * @param coding                 the alphabet the body was actually decoded with (see {@code UserDataDecoder}
 *                               for the one case where it differs from the DCS)
 * @param serviceCentreTimestamp TP-SCTS with the zone it carried
 * @param concatenation          the concatenation header element, when this is one part of several
 * @param userDataHeader         the raw header including its length octet; empty when TP-UDHI is clear
 * @param text                   the body (empty for 8-bit data)
 * @param data                   the raw body octets for 8-bit data (empty otherwise)
 * @param replyPath              TP-RP
 * @param statusReportIndication TP-SRI
 */
public record SmsDeliver(Optional<PduAddress> smsc, PduAddress originator, int protocolId, DataCoding dataCoding,
                         Coding coding, OffsetDateTime serviceCentreTimestamp, Optional<Concatenation> concatenation,
                         byte[] userDataHeader, String text, byte[] data, boolean replyPath,
                         boolean statusReportIndication) implements DecodedPdu {
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

    @Override
    public byte[] userDataHeader() {
        return userDataHeader.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Class 0 ("flash") message. */
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
