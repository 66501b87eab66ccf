package dev.callstack.modem.pdu;

import java.util.Optional;

/** The TPDU of an SMS-STATUS-REPORT (3GPP TS 23.040 §9.2.2.3), after the first octet. Stateless. */
final class SmsStatusReportDecoder {
    private SmsStatusReportDecoder() {
    }

    /**
     * Stops after TP-ST: the optional TP-PI/PID/DCS/UD that may follow carry nothing a gateway needs, and real
     * reports pad that area with 0xFF (gammu at-sms/32), so reading it would only reject good reports.
     */
    static SmsStatusReport decode(PduReader reader, Optional<PduAddress> smsc, int firstOctet)
            throws PduFormatException {
        int reference = reader.u8("TP-MR");
        PduAddress recipient = AddressCodec.read(reader, "TP-RA");
        ScTimestamp scts = ScTimestampCodec.read(reader, "TP-SCTS");
        ScTimestamp discharge = ScTimestampCodec.read(reader, "TP-DT");
        int status = reader.u8("TP-ST");
        return new SmsStatusReport(smsc, reference, recipient, scts.time(), discharge.time(), status,
                (firstOctet & 0x20) != 0, scts.zoneUnknown() || discharge.zoneUnknown());
    }
}
