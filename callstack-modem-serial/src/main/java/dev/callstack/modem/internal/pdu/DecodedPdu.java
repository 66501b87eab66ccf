package dev.callstack.modem.internal.pdu;

import java.util.Optional;

/** A decoded PDU as a modem prints it: the SMSC field and one TPDU. */
public sealed interface DecodedPdu permits SmsDeliver, SmsStatusReport, SmsSubmit {
    /** The service centre address from the SMSC field; empty when the field was {@code 00} or had no digits. */
    Optional<PduAddress> smsc();
}
