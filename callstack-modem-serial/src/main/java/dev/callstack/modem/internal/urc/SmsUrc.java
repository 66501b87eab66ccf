package dev.callstack.modem.internal.urc;

import java.util.Objects;

/**
 * The SMS notifications the engine hands to the SMS layer. PDUs are hex as the modem sent them (not validated
 * beyond being hex); lengths are the modem's TPDU length field.
 */
public sealed interface SmsUrc {

    /** {@code +CMTI: "SM",3}: a message was stored at {@code index} in {@code storage}. */
    record NewMessage(String storage, int index) implements SmsUrc {
        public NewMessage {
            Objects.requireNonNull(storage, "storage");
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
        }
    }

    /** {@code +CMT: ,<len>} + PDU line: a message delivered straight to us, not stored. */
    record DirectMessage(String pduHex, int length) implements SmsUrc {
        public DirectMessage {
            Objects.requireNonNull(pduHex, "pduHex");
        }

        @Override
        public String toString() {
            return "DirectMessage[pdu " + pduHex.length() + " hex chars, length=" + length + "]";
        }
    }

    /** {@code +CDSI: "SR",1} (or {@code +CMTI: "SR",n}): a status report was stored. */
    record StatusReportStored(String storage, int index) implements SmsUrc {
        public StatusReportStored {
            Objects.requireNonNull(storage, "storage");
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative");
            }
        }
    }

    /** {@code +CDS: <len>} + PDU line: a status report delivered straight to us. */
    record DirectStatusReport(String pduHex, int length) implements SmsUrc {
        public DirectStatusReport {
            Objects.requireNonNull(pduHex, "pduHex");
        }

        @Override
        public String toString() {
            return "DirectStatusReport[pdu " + pduHex.length() + " hex chars, length=" + length + "]";
        }
    }

    /**
     * A text-mode {@code +CMT: "<oa>",[<alpha>],"<scts>"[,...]} and its text line, from a modem that delivers in text
     * mode although {@code AT+CMGF=0} was set. The fields are as the modem sent them (unquoted).
     */
    record TextMessage(String originator, String scts, String text) implements SmsUrc {
        public TextMessage {
            Objects.requireNonNull(originator, "originator");
            Objects.requireNonNull(scts, "scts");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "TextMessage[text " + text.length() + " chars]";
        }
    }

    /**
     * The modem's message storage is full ({@code ^SMMEMFULL: "SM"} on Huawei, {@code +CIEV: "SMSFULL",1} on
     * SIMCom): new messages are refused until it is emptied.
     *
     * @param signal which line said so, for the log
     */
    record StorageFull(String signal) implements SmsUrc {
        public StorageFull {
            Objects.requireNonNull(signal, "signal");
        }
    }
}
