package dev.callstack.modem.pdu;

import java.util.Optional;

/** The TPDU of an SMS-SUBMIT (3GPP TS 23.040 §9.2.2.2), after the first octet. Stateless. */
final class SmsSubmitDecoder {
    private static final int VPF_NONE = 0;
    private static final int VPF_RELATIVE = 2;

    private SmsSubmitDecoder() {
    }

    /**
     * SUBMITs only ever come from modem storage, written by whatever PC software drafted them; some of it
     * overstated TP-UDL (gammu at-sms/41), so a short GSM-7 body is decoded as far as it goes instead of
     * rejected. Received messages (DELIVER) stay strict.
     */
    static SmsSubmit decode(PduReader reader, Optional<PduAddress> smsc, int firstOctet, int tpduStart)
            throws PduFormatException {
        int reference = reader.u8("TP-MR");
        PduAddress recipient = AddressCodec.read(reader, "TP-DA");
        int pid = reader.u8("TP-PID");
        int dcsAt = reader.offset();
        DataCoding dcs = DataCoding.of(reader.u8("TP-DCS"));
        int vpf = (firstOctet >> 3) & 0x03;
        int relative = -1;
        if (vpf == VPF_RELATIVE) {
            relative = reader.u8("TP-VP");
        } else if (vpf != VPF_NONE) {
            // Enhanced and absolute formats are both seven octets; nothing here needs their value.
            reader.skip(7, "TP-VP");
        }
        UserData ud = UserDataDecoder.read(reader, (firstOctet & 0x40) != 0, dcs, dcsAt, true);
        return new SmsSubmit(smsc, reference, recipient, pid, dcs, ud.coding(), (firstOctet & 0x20) != 0, vpf,
                relative, ud.concatenation(), ud.header(), ud.text(), ud.data(), reader.length() - tpduStart);
    }
}
