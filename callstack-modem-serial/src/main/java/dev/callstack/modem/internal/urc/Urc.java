package dev.callstack.modem.internal.urc;

import java.util.Objects;

/** An unsolicited result code, parsed. Records only; {@code toString} never shows numbers or text. */
public sealed interface Urc {

    /** {@code RING} or {@code +CRING: VOICE}. */
    record Ring() implements Urc {
    }

    /** {@code +CLIP: "<number>",...}; the number is empty when withheld. */
    record Clip(String number) implements Urc {
        public Clip {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return "Clip[" + dev.callstack.core.Redaction.phone(number) + "]";
        }
    }

    /** {@code VOICE CALL: BEGIN} (SIMCom), {@code MO CONNECTED} (SIM800) or {@code ^CONN} (Huawei): the call is up. */
    record CallConnected() implements Urc {
    }

    /**
     * {@code VOICE CALL: END...}, {@code NO CARRIER}, {@code BUSY}, {@code NO ANSWER}, {@code NO DIALTONE}, Huawei
     * {@code ^CEND}.
     */
    record CallEnded(String cause) implements Urc {
        public CallEnded {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * {@code MISSED_CALL: <time> <number>} (SIMCom): an incoming call ended before it was answered. Some modems send
     * nothing else, so without it the call would stay RINGING. The number is not kept.
     */
    record CallMissed() implements Urc {
    }

    /**
     * {@code +CCWA: <number>,<type>,<class>...} (27.007 7.12): a second caller is waiting while a call is active. Its
     * hang-up may come as a bare {@code NO CARRIER} naming no call. The number is not kept.
     */
    record CallWaiting() implements Urc {
    }

    /** {@code +DTMF: 5}, {@code +DTMF: 1,40}, {@code +RXDTMF: 5}, {@code #DTMFEV: 5}, {@code +QTONEDET: 53}. */
    record Dtmf(char digit) implements Urc {
        @Override
        public String toString() {
            return "Dtmf[redacted]";
        }
    }

    /** {@code +CUSD: <m>[,<text>[,<dcs>]]}; message is decoded text or null, dcs is -1 when absent. */
    record Ussd(int status, String message, int dcs) implements Urc {
        @Override
        public String toString() {
            return "Ussd[status=" + status + ", message=" + dev.callstack.core.Redaction.text(message) + ", dcs="
                    + dcs + "]";
        }
    }

    /**
     * {@code +CREG}/{@code +CGREG}/{@code +CEREG}/{@code +C5GREG}: the domain ({@code "CEREG"}...), the stat and the
     * {@code <AcT>}, each -1 when the line carried none. The location fields are not kept.
     */
    record NetworkRegistration(String type, int stat, int act) implements Urc {
        public NetworkRegistration {
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code +CPIN: READY}, {@code +CPIN: SIM PIN}, {@code +CPIN: NOT READY}... */
    record PinStatus(String status) implements Urc {
        public PinStatus {
            Objects.requireNonNull(status, "status");
        }
    }

    /** {@code +CSQN: <rssi>,<ber>} (SIM800 signal change). */
    record Signal(int rssi, int ber) implements Urc {
    }

    /** An SMS notification, complete. */
    record Sms(SmsUrc sms) implements Urc {
        public Sms {
            Objects.requireNonNull(sms, "sms");
        }
    }

    /** The first line of a two-line {@code +CMT}/{@code +CDS} (PDU mode); the PDU is the next line. */
    record SmsPduHeader(boolean statusReport, int length) implements Urc {
    }

    /**
     * A text-mode {@code +CMT} header: the next line is the message body.
     *
     * @param originator the sender as given (unquoted); empty when the header had none
     * @param scts       the service-centre time stamp as given ({@code yy/MM/dd,hh:mm:ss±zz}); empty when absent
     */
    record TextModeSms(String originator, String scts) implements Urc {
        public TextModeSms {
            java.util.Objects.requireNonNull(originator, "originator");
            java.util.Objects.requireNonNull(scts, "scts");
        }

        @Override
        public String toString() {
            return "TextModeSms[]";
        }
    }

    /**
     * A line a modem prints while it boots ({@code RDY}, {@code +CFUN: 1}, {@code SMS Ready}...), from the
     * {@link BootLines} table.
     *
     * @param line the line, upper case, as the table spells it
     * @param kind what the line tells
     */
    record Boot(String line, Kind kind) implements Urc {
        /** What a boot line tells. */
        public enum Kind {
            /** The modem has just (re)started: every setting is back to its power-on default. */
            RESTARTED,
            /** The SMS service is up: SMS commands that were refused as "not ready" work now. */
            SMS_READY,
            /** Boot progress that needs no action ({@code Call Ready}, {@code PB DONE}, {@code ^SIMST}). */
            NOTICE
        }

        /**
         * @param line the line, upper case, as the table spells it
         * @param kind what the line tells
         */
        public Boot {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Boot and status noise we recognise but do not act on ({@code RDY}, {@code Call Ready}, {@code +CIEV}...). */
    record Info(String name) implements Urc {
        public Info {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Anything else; {@code label} is the line's prefix only (or its length), never its content. */
    record Unknown(String label) implements Urc {
        public Unknown {
            Objects.requireNonNull(label, "label");
        }
    }
}
