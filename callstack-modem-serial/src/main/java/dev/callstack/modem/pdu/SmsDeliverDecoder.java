package dev.callstack.modem.pdu;

import java.util.Optional;

/** The TPDU of an SMS-DELIVER (3GPP TS 23.040 §9.2.2.1), after the first octet. Stateless. */
final class SmsDeliverDecoder {
    private SmsDeliverDecoder() {
    }

    static SmsDeliver decode(PduReader reader, Optional<PduAddress> smsc, int firstOctet) throws PduFormatException {
        PduAddress originator = AddressCodec.read(reader, "TP-OA");
        int pid = reader.u8("TP-PID");
        int dcsAt = reader.offset();
        DataCoding dcs = DataCoding.of(reader.u8("TP-DCS"));
        ScTimestamp scts = ScTimestampCodec.read(reader, "TP-SCTS");
        UserData ud = UserDataDecoder.read(reader, (firstOctet & 0x40) != 0, dcs, dcsAt, false);
        return new SmsDeliver(smsc, originator, pid, dcs, ud.coding(), scts.time(), ud.concatenation(), ud.header(),
                ud.text(), ud.data(), (firstOctet & 0x80) != 0, (firstOctet & 0x20) != 0, scts.zoneUnknown());
    }
}
