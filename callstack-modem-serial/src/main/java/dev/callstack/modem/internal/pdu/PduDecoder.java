package dev.callstack.modem.internal.pdu;

import java.util.Optional;

/**
 * Entry point for PDUs read from a modem ({@code +CMT}, {@code +CDS}, {@code +CMGR}, {@code +CMGL}): the SMSC
 * field, then one TPDU dispatched on TP-MTI. Malformed input only ever raises {@link PduFormatException}.
 * Stateless.
 */
public final class PduDecoder {
    private static final int MTI_DELIVER = 0;
    private static final int MTI_SUBMIT = 1;
    private static final int MTI_STATUS_REPORT = 2;

    private PduDecoder() {
    }

    /** Decodes hex as the modem prints it (SMSC field included; case, whitespace and quotes tolerated). */
    public static DecodedPdu decode(String hex) throws PduFormatException {
        return decode(PduHex.parse(hex));
    }

    /** Decodes octets that start with the SMSC field. */
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

    /** Decodes a PDU that must be an SMS-DELIVER ({@code +CMT}, or an inbound message read from storage). */
    public static SmsDeliver decodeDeliver(String hex) throws PduFormatException {
        DecodedPdu pdu = decode(hex);
        if (pdu instanceof SmsDeliver deliver) {
            return deliver;
        }
        throw new PduFormatException("expected an SMS-DELIVER but found " + pdu.getClass().getSimpleName(), 0);
    }

    /** Decodes a PDU that must be an SMS-STATUS-REPORT ({@code +CDS}, or a report read from storage). */
    public static SmsStatusReport decodeStatusReport(String hex) throws PduFormatException {
        DecodedPdu pdu = decode(hex);
        if (pdu instanceof SmsStatusReport report) {
            return report;
        }
        throw new PduFormatException("expected an SMS-STATUS-REPORT but found " + pdu.getClass().getSimpleName(), 0);
    }
}
