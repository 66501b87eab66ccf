package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The default answers of a SIM800-class modem and the state behind them (echo, PIN, signal, USSD replies, the
 * voice call, message references, the SMS store). Error results are numeric, as after {@code AT+CMEE=1}.
 *
 * <p>Thread-safe.
 */
final class Sim800Behaviour {
    static final String MANUFACTURER = "SIMCOM_Ltd";
    static final String MODEL = "SIMCOM_SIM800L";
    static final String REVISION = "Revision:1418B04SIM800L24";
    static final String IMEI = "490154203237518";
    static final String OPERATOR = "Callstack Sim";
    static final String DEFAULT_USSD_TEXT = "Simulated balance 10.00";
    static final int MAX_PIN_ATTEMPTS = 3;

    private enum CallPhase { IDLE, DIALING, RINGING, ACTIVE }

    private record UssdReply(int status, String text, int dcs) {
        String line() {
            return text == null ? "+CUSD: " + status : "+CUSD: " + status + ",\"" + text + "\"," + dcs;
        }
    }

    private final SmsStorage storage;
    private final Map<String, UssdReply> ussdReplies = new HashMap<>();
    private boolean echo;
    private PinState pinState = PinState.READY;
    private String pin = "1234";
    private int wrongPinAttempts;
    private int rssi = 20;
    private int ber = 0;
    private int registration = 1;
    private CallPhase call = CallPhase.IDLE;
    private boolean incoming;
    private String callNumber = "";
    private int nextMessageReference;

    Sim800Behaviour(SmsStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    // ---- scripting ------------------------------------------------------------------------------------------

    synchronized boolean echo() {
        return echo;
    }

    synchronized void echo(boolean on) {
        echo = on;
    }

    synchronized void pinState(PinState state) {
        pinState = Objects.requireNonNull(state, "state");
        wrongPinAttempts = 0;
    }

    synchronized PinState pinState() {
        return pinState;
    }

    synchronized void pin(String value) {
        pin = Objects.requireNonNull(value, "pin");
    }

    synchronized int wrongPinAttempts() {
        return wrongPinAttempts;
    }

    synchronized void signal(int newRssi, int newBer) {
        rssi = newRssi;
        ber = newBer;
    }

    synchronized void registration(int stat) {
        registration = stat;
    }

    synchronized String registrationUrc() {
        return "+CREG: " + registration + ",\"84CD\",\"00D30173\"";
    }

    synchronized void ussdReply(String code, int status, String text, int dcs) {
        ussdReplies.put(Objects.requireNonNull(code, "code"), new UssdReply(status, text, dcs));
    }

    synchronized List<String> incomingCall(String number) {
        call = CallPhase.RINGING;
        incoming = true;
        callNumber = Objects.requireNonNull(number, "number");
        return List.of("RING", "+CLIP: \"" + number + "\"," + typeOf(number) + ",\"\",0,\"\",0");
    }

    synchronized List<String> answerCall() {
        call = CallPhase.ACTIVE;
        return List.of("VOICE CALL: BEGIN");
    }

    synchronized List<String> remoteHangup() {
        call = CallPhase.IDLE;
        return List.of("NO CARRIER");
    }

    // ---- commands -------------------------------------------------------------------------------------------

    synchronized SimReply command(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("AT")) {
            return SimReply.error();
        }
        String body = upper.substring(2);
        String args = line.substring(Math.min(line.length(), line.indexOf('=') + 1));
        if (body.isEmpty() || body.equals("Z") || body.startsWith("+CMEE=") || body.startsWith("+CLIP=")
                || body.startsWith("+CREG=") || body.startsWith("+CGREG=") || body.startsWith("+CEREG=")
                || body.startsWith("+CMGF=") || body.startsWith("+CNMI=") || body.startsWith("+CSMS")
                || body.startsWith("+CSCS=") || body.startsWith("+COPS=") || body.startsWith("+VTS=")
                || body.equals("+CNMA")) {
            return SimReply.ok();
        }
        switch (body) {
            case "E", "E0" -> {
                echo = false;
                return SimReply.ok();
            }
            case "E1" -> {
                echo = true;
                return SimReply.ok();
            }
            case "+CPIN?" -> {
                return cpinQuery();
            }
            case "+CGMI" -> {
                return SimReply.of(MANUFACTURER, SimReply.OK);
            }
            case "+CGMM" -> {
                return SimReply.of(MODEL, SimReply.OK);
            }
            case "+CGMR" -> {
                return SimReply.of(REVISION, SimReply.OK);
            }
            case "+CGSN" -> {
                return SimReply.of(IMEI, SimReply.OK);
            }
            case "+CREG?" -> {
                return SimReply.of("+CREG: 2," + registration + ",\"84CD\",\"00D30173\"", SimReply.OK);
            }
            case "+CGREG?" -> {
                return SimReply.of("+CGREG: 2," + registration + ",\"84CD\",\"00D30173\"", SimReply.OK);
            }
            case "+COPS?" -> {
                return SimReply.of("+COPS: 0,0,\"" + OPERATOR + "\"", SimReply.OK);
            }
            case "+CSQ" -> {
                return SimReply.of("+CSQ: " + rssi + "," + ber, SimReply.OK);
            }
            case "A" -> {
                return answer();
            }
            case "H", "H0", "+CHUP" -> {
                call = CallPhase.IDLE;
                return SimReply.ok();
            }
            case "+CLCC" -> {
                return clcc();
            }
            case "+CPMS?" -> {
                int n = storage.size();
                String sm = "\"SM\"," + n + "," + SmsStorage.CAPACITY;
                return SimReply.of("+CPMS: " + sm + "," + sm + "," + sm, SimReply.OK);
            }
            case "+CMGL" -> {
                return list(SmsStorage.REC_UNREAD);
            }
            default -> {
                return withArguments(body, args);
            }
        }
    }

    private SimReply withArguments(String body, String args) {
        List<String> fields = fields(args);
        if (body.startsWith("+CPIN=")) {
            return enterPin(unquote(args));
        }
        if (body.startsWith("+CPMS=")) {
            int n = storage.size();
            int cap = SmsStorage.CAPACITY;
            return SimReply.of("+CPMS: " + n + "," + cap + "," + n + "," + cap + "," + n + "," + cap, SimReply.OK);
        }
        if (body.startsWith("+CUSD=")) {
            return ussd(fields);
        }
        if (body.startsWith("D")) {
            return dial(body.substring(1));
        }
        if (body.startsWith("+CMGS=")) {
            OptionalInt length = integer(fields, 0);
            return length.isPresent() && length.getAsInt() > 0 ? SimReply.prompt(length.getAsInt()) : SimReply.error();
        }
        if (body.startsWith("+CMGR=")) {
            OptionalInt index = integer(fields, 0);
            return index.isPresent() ? read(index.getAsInt()) : SimReply.error();
        }
        if (body.startsWith("+CMGL=")) {
            OptionalInt stat = integer(fields, 0);
            return stat.isPresent() ? list(stat.getAsInt()) : SimReply.error();
        }
        if (body.startsWith("+CMGD=")) {
            OptionalInt index = integer(fields, 0);
            OptionalInt flag = fields.size() > 1 ? integer(fields, 1) : OptionalInt.of(0);
            if (index.isEmpty() || flag.isEmpty() || flag.getAsInt() < 0 || flag.getAsInt() > 4) {
                return SimReply.error();
            }
            storage.delete(index.getAsInt(), flag.getAsInt());
            return SimReply.ok();
        }
        return SimReply.error();
    }

    private SimReply cpinQuery() {
        return switch (pinState) {
            case READY -> SimReply.of("+CPIN: READY", SimReply.OK);
            case SIM_PIN -> SimReply.of("+CPIN: SIM PIN", SimReply.OK);
            case SIM_PUK -> SimReply.of("+CPIN: SIM PUK", SimReply.OK);
            case NO_SIM -> SimReply.of("+CME ERROR: 10");
        };
    }

    private SimReply enterPin(String candidate) {
        switch (pinState) {
            case NO_SIM -> {
                return SimReply.of("+CME ERROR: 10");
            }
            case SIM_PUK -> {
                return SimReply.of("+CME ERROR: 12");
            }
            default -> {
                if (candidate.equals(pin)) {
                    pinState = PinState.READY;
                    wrongPinAttempts = 0;
                    return SimReply.ok();
                }
                wrongPinAttempts++;
                if (pinState == PinState.SIM_PIN && wrongPinAttempts >= MAX_PIN_ATTEMPTS) {
                    pinState = PinState.SIM_PUK;
                }
                return SimReply.of("+CME ERROR: 16");
            }
        }
    }

    private SimReply ussd(List<String> fields) {
        OptionalInt mode = integer(fields, 0);
        if (mode.isEmpty() || mode.getAsInt() < 0 || mode.getAsInt() > 2) {
            return SimReply.error();
        }
        if (mode.getAsInt() == 2 || fields.size() < 2) {
            return SimReply.ok();
        }
        String code = unquote(fields.get(1));
        UssdReply reply = ussdReplies.getOrDefault(code, new UssdReply(0, DEFAULT_USSD_TEXT, 15));
        return SimReply.ok().thenAsync(List.of(reply.line()));
    }

    private SimReply dial(String target) {
        if (!target.endsWith(";") || target.length() < 2) {
            return SimReply.of("NO CARRIER");
        }
        call = CallPhase.DIALING;
        incoming = false;
        callNumber = target.substring(0, target.length() - 1);
        return SimReply.ok();
    }

    private SimReply answer() {
        if (call != CallPhase.RINGING) {
            return SimReply.of("NO CARRIER");
        }
        call = CallPhase.ACTIVE;
        return SimReply.ok();
    }

    private SimReply clcc() {
        if (call == CallPhase.IDLE) {
            return SimReply.ok();
        }
        int stat = switch (call) {
            case ACTIVE -> 0;
            case DIALING -> 2;
            default -> 4;
        };
        return SimReply.of("+CLCC: 1," + (incoming ? 1 : 0) + "," + stat + ",0,0,\"" + callNumber + "\","
                + typeOf(callNumber), SimReply.OK);
    }

    /** After the PDU and Ctrl-Z of {@code AT+CMGS}: accepted when it is hex of exactly the announced length. */
    synchronized SimReply submit(String pdu, int declaredLength) {
        OptionalInt actual = Pdus.tpduLength(pdu);
        if (actual.isEmpty() || actual.getAsInt() != declaredLength) {
            return SimReply.of("+CMS ERROR: 304");
        }
        int reference = nextMessageReference;
        nextMessageReference = (nextMessageReference + 1) % 256;
        return SimReply.of("+CMGS: " + reference, SimReply.OK);
    }

    private SimReply read(int index) {
        if (index < 0 || index > SmsStorage.CAPACITY) {
            return SimReply.of("+CMS ERROR: 321");
        }
        SmsStorage.Entry entry = storage.read(index);
        if (entry == null) {
            return SimReply.ok();
        }
        return SimReply.of("+CMGR: " + entry.stat() + ",," + Pdus.announcedLength(entry.pdu()), entry.pdu(), SimReply.OK);
    }

    private SimReply list(int stat) {
        if (stat < 0 || stat > SmsStorage.ALL) {
            return SimReply.error();
        }
        List<String> lines = new ArrayList<>();
        for (SmsStorage.Entry entry : storage.list(stat)) {
            lines.add("+CMGL: " + entry.index() + "," + entry.stat() + ",," + Pdus.announcedLength(entry.pdu()));
            lines.add(entry.pdu());
        }
        lines.add(SimReply.OK);
        return SimReply.of(lines);
    }

    private static int typeOf(String number) {
        return number.startsWith("+") ? 145 : 129;
    }

    private static OptionalInt integer(List<String> fields, int position) {
        if (fields.size() <= position) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields.get(position).strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Splits arguments on commas outside double quotes. */
    static List<String> fields(String args) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
