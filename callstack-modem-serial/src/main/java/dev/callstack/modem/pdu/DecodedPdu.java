package dev.callstack.modem.pdu;

import java.util.Optional;

/**
 * A decoded PDU as a modem prints it: the SMSC field and one TPDU, which is one of three kinds. Switch over them:
 * {@code if (pdu instanceof SmsDeliver deliver) ...}. Returned by {@link PduDecoder#decode(String)}.
 */
public sealed interface DecodedPdu permits SmsDeliver, SmsStatusReport, SmsSubmit {
    /**
     * The service centre address from the SMSC field.
     *
     * @return the address; empty when the field was {@code 00} or had no digits
     */
    Optional<PduAddress> smsc();

    /**
     * Whether a service-centre timestamp in this PDU had a time-zone octet that could not be read; such timestamps
     * hold the digits as sent at offset UTC.
     *
     * @return true when a zone was unknown; always false for a PDU without timestamps
     */
    default boolean zoneUnknown() {
        return false;
    }
}
