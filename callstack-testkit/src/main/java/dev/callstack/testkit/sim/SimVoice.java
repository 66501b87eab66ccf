package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How each simulated modem reports calls, DTMF and USSD where it departs from the SIM800 table, as data and command
 * handlers the profile tables plug in. Real forms (see the test resources' {@code at-transcripts.md}): SIM800
 * {@code +DTMF: <key>} (SIM800 Series AT Command Manual V1.09, {@code AT+DDET}) and no URC when an outgoing call is
 * answered; SIM7600 {@code VOICE CALL: BEGIN} and {@code +RXDTMF: <key>}; Quectel EC25 no answer URC and
 * {@code +QTONEDET: <ASCII code>}; Huawei {@code ^ORIG}/{@code ^CONF} after {@code ATD}, {@code ^CONN} on answer,
 * {@code ^CEND} on release, and {@code AT+CUSD} only with the code as packed GSM-7 hex.
 *
 * <p>Stateless; the handlers change {@link SimState} under its monitor like every other handler.
 */
final class SimVoice {
    /** 27.007 7.18 {@code <stat>} of a waiting (call-waiting) call. */
    static final int STAT_WAITING = 5;

    private SimVoice() {
    }

    /** One {@code +CLCC: <idx>,<dir>,<stat>,<mode>,<mpty>,<number>,<type>} line of a voice call, not multiparty. */
    static String clccLine(int index, boolean incoming, int stat, String number) {
        return "+CLCC: " + index + "," + (incoming ? 1 : 0) + "," + stat + ",0,0,\"" + number + "\","
                + SimState.typeOf(number);
    }

    /**
     * What the modem emits when a second caller rings during our call: 27.007 7.12 {@code +CCWA: <number>,<type>,
     * <class>} (class 1: voice); SIMCom modules repeat {@code RING} and {@code +CLIP} too when {@code ringToo}.
     */
    static List<String> waitingLines(String number, boolean ringToo) {
        int type = SimState.typeOf(number);
        String ccwa = "+CCWA: \"" + number + "\"," + type + ",1";
        if (!ringToo) {
            return List.of(ccwa);
        }
        return List.of(ccwa, "RING", "+CLIP: \"" + number + "\"," + type + ",\"\",0,\"\",0");
    }

    /** What the modem emits when the remote party answers our call (often nothing: only {@code +CLCC} changes). */
    static List<String> answeredLines(SimProfile profile) {
        return switch (profile) {
            case SIM800, EC25 -> List.of();
            case SIM7600 -> List.of("VOICE CALL: BEGIN");
            case HUAWEI -> List.of("^CONN:1,0");
        };
    }

    /** The modem's DTMF URC for {@code digit}; Huawei modules have no DTMF detector. */
    static List<String> dtmfLines(SimProfile profile, char digit) {
        return switch (profile) {
            case SIM800 -> List.of("+DTMF: " + digit);
            case SIM7600 -> List.of("+RXDTMF: " + digit);
            case EC25 -> List.of("+QTONEDET: " + (int) digit);
            case HUAWEI -> throw new IllegalStateException("the Huawei profile has no DTMF detection");
        };
    }

    /** Huawei {@code ATD<n>;}: OK, then {@code ^ORIG} (originated) and {@code ^CONF} (alerting). */
    static SimReply huaweiDial(SimState state, AtCommand command) {
        SimReply reply = Sim800Commands.dial(state, command);
        if (state.call() != SimState.CallPhase.DIALING) {
            return reply;
        }
        return reply.thenAsync(List.of("^ORIG:1,0", "^CONF:1"));
    }

    /**
     * Huawei {@code AT+CUSD=1,"<packed hex>",15}: the code must be packed GSM-7 in hex (a plain {@code *100#} is
     * refused with ERROR); the reply comes back packed the same way, under DCS 15.
     */
    static SimReply huaweiUssd(SimState state, AtCommand command) {
        List<String> fields = command.fields();
        OptionalInt mode = command.integer(0);
        if (mode.isEmpty() || mode.getAsInt() < 0 || mode.getAsInt() > 2) {
            return SimReply.error();
        }
        if (mode.getAsInt() == 2 || fields.size() < 2) {
            return SimReply.ok();
        }
        String hex = AtCommand.unquote(fields.get(1));
        if (!isHex(hex)) {
            return SimReply.error();
        }
        SimState.UssdReply reply = state.ussdReply(PackedGsm7.unpack(hex));
        if (reply == null) {
            reply = new SimState.UssdReply(0, "OK", 15);
        }
        String text = reply.text() == null ? null : PackedGsm7.pack(reply.text());
        return SimReply.ok().thenAsync(List.of(new SimState.UssdReply(reply.status(), text, reply.dcs()).line()));
    }

    private static boolean isHex(String s) {
        if (s.isEmpty() || s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Packed GSM-7 (3GPP TS 23.038 6.1.2.3.1) for the characters whose GSM-7 codes equal ASCII: letters, digits,
     * space, CR, LF and {@code *#+.,:;!?-()/%=}. Enough for codes and scripted menus.
     */
    static final class PackedGsm7 {
        private static final String SAME_AS_ASCII = " \r\n*#+.,:;!?-()/%=";

        private PackedGsm7() {
        }

        static String pack(String text) {
            int septets = text.length();
            byte[] out = new byte[(septets * 7 + 7) / 8];
            for (int i = 0; i < septets; i++) {
                char c = text.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 0x80) && SAME_AS_ASCII.indexOf(c) < 0) {
                    throw new IllegalArgumentException("character outside the simulator's GSM-7 subset");
                }
                write(out, i, c);
            }
            if (septets * 7 % 8 == 1) {
                write(out, septets, '\r');
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : out) {
                hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            return hex.toString();
        }

        static String unpack(String hex) {
            Objects.requireNonNull(hex, "hex");
            int octets = hex.length() / 2;
            int septets = octets * 8 / 7;
            StringBuilder out = new StringBuilder(septets);
            for (int i = 0; i < septets; i++) {
                int bit = i * 7;
                int value = octet(hex, bit / 8) >> (bit % 8);
                if (bit % 8 > 1 && bit / 8 + 1 < octets) {
                    value |= octet(hex, bit / 8 + 1) << (8 - bit % 8);
                }
                out.append((char) (value & 0x7F));
            }
            // A CR filling 7 spare bits is not part of the text.
            if (octets * 8 % 7 == 0 && out.length() > 0 && out.charAt(out.length() - 1) == '\r') {
                out.setLength(out.length() - 1);
            }
            return out.toString();
        }

        private static int octet(String hex, int index) {
            return Integer.parseInt(hex.substring(2 * index, 2 * index + 2), 16);
        }

        private static void write(byte[] out, int index, int septet) {
            int bit = index * 7;
            out[bit / 8] |= (byte) (septet << (bit % 8));
            if (bit % 8 > 1 && bit / 8 + 1 < out.length) {
                out[bit / 8 + 1] |= (byte) (septet >> (8 - bit % 8));
            }
        }
    }
}
