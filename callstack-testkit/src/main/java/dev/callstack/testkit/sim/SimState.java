package dev.callstack.testkit.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a simulated modem remembers between commands: echo, PIN, signal, registration, scripted USSD replies, the
 * voice call, the next message reference and the SMS store. The command handlers read and change it; the test's
 * scripting calls (through {@link AtModemSimulator}) change it too.
 *
 * <p>Thread-safe; {@link ModemBehaviour} runs each handler holding this object's monitor, so a handler's several
 * reads and writes are one atomic step.
 */
final class SimState {
    static final int MAX_PIN_ATTEMPTS = 3;
    static final List<String> REGISTRATION_DOMAINS = List.of("CREG", "CGREG", "CEREG", "C5GREG");

    enum CallPhase { IDLE, DIALING, RINGING, ACTIVE }

    /** A scripted answer to a USSD code; {@code text} null gives a bare {@code +CUSD: <status>}. */
    record UssdReply(int status, String text, int dcs) {
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
    /** CS, PS, LTE and 5G; defaults: registered home, no {@code <AcT>} on CS/PS (as SIM800), LTE on CEREG. */
    private final Map<String, Domain> registrations = new HashMap<>(Map.of(
            "CREG", new Domain("84CD", "00D30173", 0, 1, -1),
            "CGREG", new Domain("84CD", "00D30173", 0, 1, -1),
            "CEREG", new Domain("1A2B", "01A2B3C4", 0, 1, 7),
            "C5GREG", new Domain("1A2B", "01A2B3C4", 0, 0, -1)));
    private CallPhase call = CallPhase.IDLE;
    private boolean incoming;
    private String callNumber = "";
    // A second caller waiting while our call is active (27.007 7.12 call waiting), or null.
    private String waitingNumber;
    // The PCM audio port's register (AT+CPCMREG / AT+QPCMV): on only during an active call; see SimPcm.
    private boolean pcm;
    private int pcmPort;
    private int nextMessageReference;
    // Settings a real modem forgets when it restarts. A new simulator starts as a modem whose gateway settings were
    // saved (AT&W): PDU mode, CNMI 2,1,0,2,0, so tests that deliver without an SMS init still see +CMTI/+CDSI.
    private int cmgf;
    private int[] cnmi = {2, 1, 0, 2, 0};
    private CnmiRanges cnmiRanges;
    // SMS commands still to refuse as "not ready" (Integer.MAX_VALUE: until smsReady()).
    private int smsNotReady;

    /** With the SIM800's {@code AT+CNMI=?} ranges. */
    SimState(SmsStorage storage) {
        this(storage, CnmiRanges.parse(ProfileQuirks.SIM800.cnmiRanges()));
    }

    SimState(SmsStorage storage, CnmiRanges cnmiRanges) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.cnmiRanges = Objects.requireNonNull(cnmiRanges, "cnmiRanges");
    }

    SmsStorage storage() {
        return storage;
    }

    // ---- echo and SIM ---------------------------------------------------------------------------------------

    synchronized boolean echo() {
        return echo;
    }

    synchronized void echo(boolean on) {
        echo = on;
    }

    /** Resets the wrong-PIN counter too. */
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

    synchronized String pin() {
        return pin;
    }

    synchronized int wrongPinAttempts() {
        return wrongPinAttempts;
    }

    /** The right PIN was entered: the SIM is ready and the wrong-PIN counter starts again. */
    synchronized void pinAccepted() {
        pinState = PinState.READY;
        wrongPinAttempts = 0;
    }

    /** A wrong PIN was entered: {@value #MAX_PIN_ATTEMPTS} of them in SIM_PIN block the SIM (SIM_PUK). */
    synchronized void pinRejected() {
        wrongPinAttempts++;
        if (pinState == PinState.SIM_PIN && wrongPinAttempts >= MAX_PIN_ATTEMPTS) {
            pinState = PinState.SIM_PUK;
        }
    }

    // ---- network --------------------------------------------------------------------------------------------

    synchronized void signal(int newRssi, int newBer) {
        rssi = newRssi;
        ber = newBer;
    }

    synchronized int rssi() {
        return rssi;
    }

    synchronized int ber() {
        return ber;
    }

    /** The URC mode the host set ({@code AT+CREG=<n>}); URCs only when 1 or more, as on a real modem. */
    synchronized void registrationUrcMode(String domain, int n) {
        registrations.put(domain(domain), registrations.get(domain(domain)).withMode(n));
    }

    /** The stat and {@code <AcT>} (-1: none in the lines) the network gives {@code domain}. */
    synchronized void registration(String domain, int stat, int act) {
        registrations.put(domain(domain), registrations.get(domain(domain)).with(stat, act));
    }

    synchronized int registration(String domain) {
        return registrations.get(domain(domain)).stat();
    }

    /** The answer to {@code AT+<domain>?}: {@code +CEREG: 2,1,"1A2B","01A2B3C4",7}. */
    synchronized String registrationAnswer(String domain) {
        Domain d = registrations.get(domain(domain));
        return "+" + domain(domain) + ": " + d.mode() + "," + d.stat() + (d.mode() >= 2 ? d.location() : "");
    }

    /** The URC the host enabled for {@code domain} ({@code +CEREG: 1,"1A2B","01A2B3C4",7}), or null if it did not. */
    synchronized String registrationUrc(String domain) {
        Domain d = registrations.get(domain(domain));
        if (d.mode() < 1) {
            return null;
        }
        return "+" + domain(domain) + ": " + d.stat() + (d.mode() >= 2 ? d.location() : "");
    }

    private static String domain(String name) {
        String key = name.startsWith("+") ? name.substring(1) : name;
        key = key.toUpperCase(java.util.Locale.ROOT);
        if (!REGISTRATION_DOMAINS.contains(key)) {
            throw new IllegalArgumentException("unknown registration domain: " + name + " " + REGISTRATION_DOMAINS);
        }
        return key;
    }

    /**
     * One registration domain: the host's URC mode and the network's stat and {@code <AcT>}. The location (LAC/TAC
     * and cell id) is fixed, and reported only while registered, as real modems do.
     */
    record Domain(String lac, String cell, int mode, int stat, int act) {
        Domain withMode(int n) {
            return new Domain(lac, cell, n, stat, act);
        }

        Domain with(int newStat, int newAct) {
            return new Domain(lac, cell, mode, newStat, newAct);
        }

        String location() {
            boolean registered = stat == 1 || stat == 5 || (stat >= 6 && stat <= 10 && stat != 8);
            if (!registered) {
                return "";
            }
            return ",\"" + lac + "\",\"" + cell + "\"" + (act >= 0 ? "," + act : "");
        }
    }

    // ---- USSD -----------------------------------------------------------------------------------------------

    synchronized void ussdReply(String code, int status, String text, int dcs) {
        ussdReplies.put(Objects.requireNonNull(code, "code"), new UssdReply(status, text, dcs));
    }

    /** The scripted reply to {@code code}, or {@code null} when the default applies. */
    synchronized UssdReply ussdReply(String code) {
        return ussdReplies.get(code);
    }

    // ---- voice call -----------------------------------------------------------------------------------------

    synchronized List<String> incomingCall(String number) {
        call(CallPhase.RINGING);
        incoming = true;
        callNumber = Objects.requireNonNull(number, "number");
        return List.of("RING", "+CLIP: \"" + number + "\"," + typeOf(number) + ",\"\",0,\"\",0");
    }

    synchronized List<String> answerCall() {
        call = CallPhase.ACTIVE;
        return List.of("VOICE CALL: BEGIN");
    }

    synchronized List<String> remoteHangup() {
        call(CallPhase.IDLE);
        return List.of("NO CARRIER");
    }

    /** We dial {@code number}: an outgoing call, dialling until the remote party answers. */
    synchronized void dialling(String number) {
        call(CallPhase.DIALING);
        incoming = false;
        callNumber = Objects.requireNonNull(number, "number");
    }

    /**
     * Every way out of an active call ends the PCM stream too, as the real modems do. The simulator drops a waiting
     * call with it (a real network would ring it next; no test needs that yet).
     */
    synchronized void call(CallPhase phase) {
        call = Objects.requireNonNull(phase, "phase");
        if (phase != CallPhase.ACTIVE) {
            pcm = false;
            waitingNumber = null;
        }
    }

    /** A second caller {@code number} waits; only while our call is active (false otherwise, and nothing changes). */
    synchronized boolean waiting(String number) {
        Objects.requireNonNull(number, "number");
        if (call != CallPhase.ACTIVE) {
            return false;
        }
        waitingNumber = number;
        return true;
    }

    /** The waiting caller gives up; false when none was waiting. */
    synchronized boolean waitingGone() {
        boolean was = waitingNumber != null;
        waitingNumber = null;
        return was;
    }

    /** The waiting caller's number, or null when no call waits. */
    synchronized String waitingNumber() {
        return waitingNumber;
    }

    /** Switches the PCM audio port on (during an active call only; false when refused) or off. */
    synchronized boolean pcm(boolean on, int port) {
        if (on && call != CallPhase.ACTIVE) {
            return false;
        }
        pcm = on;
        pcmPort = port;
        return true;
    }

    /** Whether the PCM register is on (it is only during an active call). */
    synchronized boolean pcm() {
        return pcm && call == CallPhase.ACTIVE;
    }

    /** The audio port {@code AT+QPCMV=1,<port>} chose (0 when never set). */
    synchronized int pcmPort() {
        return pcmPort;
    }

    synchronized CallPhase call() {
        return call;
    }

    synchronized boolean incoming() {
        return incoming;
    }

    synchronized String callNumber() {
        return callNumber;
    }

    /** The {@code <type>} of a number: 145 international, 129 otherwise. */
    static int typeOf(String number) {
        return number.startsWith("+") ? 145 : 129;
    }

    // ---- settings a restart forgets ------------------------------------------------------------------------

    /** Power-on defaults, as after a restart: echo on, text mode, {@code +CNMI: 0,0,0,0,0}. */
    synchronized void powerOn() {
        echo = true;
        pcm = false;
        cmgf = 0;
        cnmi = new int[] {0, 0, 0, 0, 0};
    }

    synchronized void cmgf(int mode) {
        cmgf = mode;
    }

    synchronized int cmgf() {
        return cmgf;
    }

    synchronized void cnmi(int[] values) {
        cnmi = values.clone();
    }

    /** {@code mode, mt, bm, ds, bfr}. */
    synchronized int[] cnmi() {
        return cnmi.clone();
    }

    /** The setting as {@code AT+CNMI?} lists it: {@code mode,mt,bm,ds,bfr}. */
    synchronized String cnmiSetting() {
        return cnmi[0] + "," + cnmi[1] + "," + cnmi[2] + "," + cnmi[3] + "," + cnmi[4];
    }

    synchronized CnmiRanges cnmiRanges() {
        return cnmiRanges;
    }

    /** A modem offering only {@code ranges}; its CNMI starts again from the power-on {@code 0,0,0,0,0}. */
    synchronized void cnmiRanges(CnmiRanges ranges) {
        cnmiRanges = Objects.requireNonNull(ranges, "ranges");
        cnmi = new int[] {0, 0, 0, 0, 0};
    }

    /** Whether a stored message is announced with {@code +CMTI} ({@code mt=1}). */
    synchronized boolean announcesStored() {
        return cnmi[1] == 1;
    }

    /** Whether a stored status report is announced with {@code +CDSI} ({@code ds=2}). */
    synchronized boolean announcesStoredReports() {
        return cnmi[3] == 2;
    }

    // ---- SMS readiness --------------------------------------------------------------------------------------

    synchronized void smsNotReady(int commands) {
        smsNotReady = commands;
    }

    /** Whether the SMS service is ready ({@code false} while commands are still refused). */
    synchronized boolean smsReady() {
        return smsNotReady == 0;
    }

    /**
     * One SMS command arrives while the service is not ready: it is refused. Returns true when this was the last
     * one refused (the ready line follows).
     */
    synchronized boolean refuseSmsCommand() {
        if (smsNotReady == Integer.MAX_VALUE) {
            return false;
        }
        smsNotReady--;
        return smsNotReady == 0;
    }

    // ---- SMS ------------------------------------------------------------------------------------------------

    /** The reference of the next submitted message: 0, 1, 2... modulo 256. */
    synchronized int takeMessageReference() {
        int reference = nextMessageReference;
        nextMessageReference = (nextMessageReference + 1) % 256;
        return reference;
    }
}
