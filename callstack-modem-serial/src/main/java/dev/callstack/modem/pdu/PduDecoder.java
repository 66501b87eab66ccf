package dev.callstack.modem.pdu;

import java.util.Optional;

/**
 * Decodes PDUs as a modem prints them in PDU mode ({@code +CMT}, {@code +CDS}, {@code +CMGR}, {@code +CMGL}): the
 * SMSC field, then one TPDU dispatched on TP-MTI into an {@link SmsDeliver}, {@link SmsSubmit} or
 * {@link SmsStatusReport}. Malformed input only ever raises {@link PduFormatException}, never a runtime exception.
 *
 * <pre>{@code
 * DecodedPdu pdu = PduDecoder.decode("07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07");
 * if (pdu instanceof SmsDeliver sms) {
 *     String from = sms.originator().value();
 * }
 * }</pre>
 *
 * <p>Stateless; pure (no I/O, no logging).
 */
public final class PduDecoder {
    private static final int MTI_DELIVER = 0;
    private static final int MTI_SUBMIT = 1;
    private static final int MTI_STATUS_REPORT = 2;

    private PduDecoder() {
    }

    /**
     * Decodes hex as the modem prints it: SMSC field included; case, surrounding whitespace and quotes tolerated.
     *
     * @param hex the PDU as hex
     * @return the decoded SMSC field and TPDU
     * @throws PduFormatException when the hex or the PDU is malformed, truncated or of the reserved type 3
     */
    public static DecodedPdu decode(String hex) throws PduFormatException {
        return decode(PduHex.parse(hex));
    }

    /**
     * Decodes octets that start with the SMSC field.
     *
     * @param pdu the PDU octets
     * @return the decoded SMSC field and TPDU
     * @throws PduFormatException when the PDU is missing, malformed, truncated or of the reserved type 3
     */
    public static DecodedPdu decode(byte[] pdu) throws PduFormatException {
        if (pdu == null) {
            throw new PduFormatException("PDU is missing", 0);
        }
        PduReader reader = new PduReader(pdu);
        Optional<PduAddress> smsc = AddressCodec.readSmsc(reader);
        int tpduStart = reader.offset();
        int firstOctet = reader.u8("first octet");
        return switch (firstOctet & 0x03) {
            case MTI_DELIVER -> SmsDeliverDecoder.decode(reader, smsc, firstOctet);
            case MTI_SUBMIT -> SmsSubmitDecoder.decode(reader, smsc, firstOctet, tpduStart);
            case MTI_STATUS_REPORT -> SmsStatusReportDecoder.decode(reader, smsc, firstOctet);
            default -> throw reader.error("reserved TP-MTI 3 in first octet 0x"
                    + UserDataDecoder.hex(firstOctet), tpduStart);
        };
    }

    /**
     * Decodes a PDU that must be an SMS-DELIVER ({@code +CMT}, or an inbound message read from storage).
     *
     * @param hex the PDU as hex, SMSC field included
     * @return the message
     * @throws PduFormatException when the PDU is malformed or is another kind of TPDU
     */
    public static SmsDeliver decodeDeliver(String hex) throws PduFormatException {
        DecodedPdu pdu = decode(hex);
        if (pdu instanceof SmsDeliver deliver) {
            return deliver;
        }
        throw new PduFormatException("expected an SMS-DELIVER but found " + pdu.getClass().getSimpleName(), 0);
    }

    /**
     * Decodes a PDU that must be an SMS-STATUS-REPORT ({@code +CDS}, or a report read from storage).
     *
     * @param hex the PDU as hex, SMSC field included
     * @return the report
     * @throws PduFormatException when the PDU is malformed or is another kind of TPDU
     */
    public static SmsStatusReport decodeStatusReport(String hex) throws PduFormatException {
        DecodedPdu pdu = decode(hex);
        if (pdu instanceof SmsStatusReport report) {
            return report;
        }
        throw new PduFormatException("expected an SMS-STATUS-REPORT but found " + pdu.getClass().getSimpleName(), 0);
    }
}
