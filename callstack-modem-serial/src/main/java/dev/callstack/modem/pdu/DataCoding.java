package dev.callstack.modem.pdu;

import java.util.Objects;

/**
 * TP-DCS as read from a PDU (3GPP TS 23.038 §4).
 *
 * @param raw          the octet as received
 * @param coding       the alphabet; reserved alphabets read as GSM-7, as 23.038 tells receivers to
 * @param messageClass 0–3, or -1 when the DCS names no class
 * @param compressed   bit 5 of the general coding groups
 */
public record DataCoding(int raw, Coding coding, int messageClass, boolean compressed) {
    /**
     * Checks the fields.
     *
     * @param raw          see {@link #raw()}
     * @param coding       see {@link #coding()}
     * @param messageClass see {@link #messageClass()}
     * @param compressed   see {@link #compressed()}
     * @throws IllegalArgumentException when {@code messageClass} is not -1..3
     */
    public DataCoding {
        Objects.requireNonNull(coding, "coding");
        if (messageClass < -1 || messageClass > 3) {
            throw new IllegalArgumentException("messageClass must be -1..3");
        }
    }

    /**
     * Whether this is a class 0 ("flash") message, which a phone shows at once and does not store.
     *
     * @return true for class 0
     */
    public boolean flash() {
        return messageClass == 0;
    }

    /** Group F (1111xxxx) with its reserved bit 3 set: the alphabet bit is not trustworthy on such messages. */
    boolean reservedBitSet() {
        return (raw & 0xF0) == 0xF0 && (raw & 0x08) != 0;
    }

    static DataCoding of(int dcs) {
        int group = dcs >> 4;
        if (group <= 0x7) {
            // General data coding (00xx) and automatic deletion (01xx) share the layout.
            int cls = (dcs & 0x10) != 0 ? dcs & 0x03 : -1;
            Coding coding = switch ((dcs >> 2) & 0x03) {
                case 1 -> Coding.EIGHT_BIT;
                case 2 -> Coding.UCS2;
                default -> Coding.GSM7;
            };
            return new DataCoding(dcs, coding, cls, (dcs & 0x20) != 0);
        }
        if (group == 0xE) {
            return new DataCoding(dcs, Coding.UCS2, -1, false);
        }
        if (group == 0xF) {
            return new DataCoding(dcs, (dcs & 0x04) != 0 ? Coding.EIGHT_BIT : Coding.GSM7, dcs & 0x03, false);
        }
        // 1000–1011 reserved, 1100/1101 message waiting: GSM-7.
        return new DataCoding(dcs, Coding.GSM7, -1, false);
    }

    /** The TP-DCS an encoder writes: no class, uncompressed. */
    static int encode(Coding coding) {
        return switch (coding) {
            case GSM7 -> 0x00;
            case EIGHT_BIT -> 0x04;
            case UCS2 -> 0x08;
        };
    }
}
