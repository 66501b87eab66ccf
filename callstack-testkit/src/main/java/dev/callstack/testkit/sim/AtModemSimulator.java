package dev.callstack.testkit.sim;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable SIM800-class modem on the far end of a byte link: an in-memory pipe, a TCP listener or a
 * pseudo-terminal. It answers the usual AT commands out of the box; tests override answers, inject URCs and raw
 * bytes, delay or drop answers, and verify the commands received (script → exercise → verify).
 *
 * <p>One link is served at a time: opening a pipe or pty, or a new TCP connection, replaces the current link.
 * URCs and raw bytes go to the current link and are dropped when there is none. All threads are daemons named
 * {@code callstack-sim-*}; {@link #close()} stops them.
 *
 * <p>Thread-safe.
 */
public final class AtModemSimulator implements AutoCloseable {
    /**
     * How many command lines {@link #commands()} (and the queue {@link #takeCommand} reads) and how many PDUs
     * {@link #sentPdus()} keep; older ones are dropped, so a long-running simulator holds bounded memory.
     */
    public static final int HISTORY_LIMIT = 10_000;

    private final SimProfile profile;
    private final Script script = new Script();
    private final Pauses pauses = new Pauses();
    private final SmsStorage storage = new SmsStorage();
    private final SimState simState;
    private final CommandInterpreter interpreter;
    private final CommandLog commands;
    private final SessionDispatcher dispatcher;
    private final Links links;
    private final NetworkEvents network;
    private final SmsInjector sms;
    private final SimAudioPort audio;

    /**
     * A simulator with the default answers, a SIM without PIN lock, and no link yet; open one with
     * {@link #openPipe()}, {@link #listenTcp()} or {@link #openPty()}.
     */
    public AtModemSimulator() {
        this(SimProfile.SIM800);
    }

    /**
     * A simulator playing {@code profile}, with that modem's answers and quirks, a SIM without PIN lock, and no link
     * yet.
     *
     * @param profile the modem to play
     */
    public AtModemSimulator(SimProfile profile) {
        this(profile, HISTORY_LIMIT);
    }

    /** With a smaller history, so a test can watch the oldest entries go. */
    AtModemSimulator(int historyLimit) {
        this(SimProfile.SIM800, historyLimit);
    }

    private AtModemSimulator(SimProfile profile, int historyLimit) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.simState = new SimState(storage, CnmiRanges.parse(profile.quirks().cnmiRanges()));
        this.interpreter = new CommandInterpreter(script,
                new ModemBehaviour(profile.table(), simState, profile.quirks()), historyLimit);
        this.commands = new CommandLog(historyLimit);
        this.dispatcher = new SessionDispatcher(interpreter, simState, commands, pauses);
        this.links = new Links(dispatcher);
        this.network = new NetworkEvents(profile, simState, links::emit);
        this.sms = new SmsInjector(profile, storage, simState, links::emit);
        this.audio = new SimAudioPort(simState);
    }

    /**
     * The modem this simulator plays.
     *
     * @return the profile given at construction ({@link SimProfile#SIM800} by default)
     */
    public SimProfile profile() {
        return profile;
    }

    // ---- transports -----------------------------------------------------------------------------------------

    /**
     * A new in-memory link; replaces the current link.
     *
     * @return the host end of the pipe: what a modem driver reads and writes
     */
    public SimulatorPipe openPipe() {
        return links.openPipe();
    }

    /**
     * Listens on 127.0.0.1 (ephemeral port, kept across {@link #unplug()}/{@link #replug()}); each accepted
     * connection replaces the current link. Idempotent.
     *
     * @return the loopback address and port to connect to
     */
    public InetSocketAddress listenTcp() {
        return links.listenTcp();
    }

    /**
     * Starts {@code socat} with a pty pair in a new temporary directory and serves its modem end; replaces the
     * current link. Throws {@link IllegalStateException} when socat is not installed.
     *
     * @return the pty, whose {@link PtyEndpoint#hostDevice()} a serial driver opens
     */
    public PtyEndpoint openPty() {
        return links.openPty();
    }

    /**
     * Whether {@code socat} (needed by {@link #openPty()}) is on PATH.
     *
     * @return true when {@link #openPty()} can work on this machine
     */
    public static boolean socatAvailable() {
        return SocatPty.available();
    }

    /**
     * The modem's PCM audio port (SIM7600 {@code AT+CPCMREG}, EC25 {@code AT+QPCMV}): its transports and the
     * scripted caller's audio.
     *
     * @return the audio port facet, one per simulator
     */
    public SimAudioPort audio() {
        return audio;
    }

    // ---- scripting ------------------------------------------------------------------------------------------

    /**
     * Answers {@code command} (exact text, or an exact SMS payload) with {@code lines} until cleared.
     *
     * @param command the command line as the host sends it, without CR (e.g. {@code AT+CSQ})
     * @param lines the answer lines, final result included (e.g. {@code "+CSQ: 9,0", "OK"})
     */
    public void respond(String command, String... lines) {
        script.respond(command, List.of(lines));
    }

    /**
     * Answers the next occurrence of {@code command} with {@code lines}, before any persistent answer.
     *
     * @param command the command line as the host sends it, without CR (e.g. {@code AT+CSQ})
     * @param lines the answer lines, final result included (e.g. {@code "+CSQ: 9,0", "OK"})
     */
    public void respondOnce(String command, String... lines) {
        script.respondOnce(command, List.of(lines));
    }

    /**
     * Answers {@code command} after {@code delay}; the reader keeps serving other commands meanwhile.
     *
     * @param command the command line as the host sends it, without CR (e.g. {@code AT+CSQ})
     * @param delay how long the answer is held back
     */
    public void delay(String command, Duration delay) {
        script.delay(command, delay);
    }

    /**
     * Never answers {@code command}.
     *
     * @param command the command line as the host sends it, without CR (e.g. {@code AT+CSQ})
     */
    public void drop(String command) {
        script.drop(command);
    }

    /**
     * Makes the next answer to {@code command} stop after {@code linesBeforePause} lines until the returned pause is
     * released: a slow {@code +CMGL} list whose tail arrives after the host's timeout. Meanwhile the modem reads no
     * further command on that link.
     *
     * @param command          the command line as the host sends it, without CR (e.g. {@code AT+CMGL=4})
     * @param linesBeforePause how many answer lines go out before the pause
     * @return the pause, to await and release
     */
    public AnswerPause pauseAnswer(String command, int linesBeforePause) {
        AnswerPause pause = new AnswerPause(command, linesBeforePause);
        pauses.add(pause);
        return pause;
    }

    /**
     * Answers the next SMS submitted after an {@code AT+CMGS} prompt, whatever its PDU, with {@code lines} (e.g.
     * {@code "+CMS ERROR: 302"}); calls queue up, one answer per submitted PDU, before any other script. The PDU is
     * still recorded in {@link #sentPdus()}.
     *
     * @param lines the answer lines, final result included
     */
    public void answerNextSubmit(String... lines) {
        script.answerNextSubmit(List.of(lines));
    }

    /**
     * While on, every SMS submitted after an {@code AT+CMGS} prompt is recorded in {@link #sentPdus()} and never
     * answered: a network that took the PDU and went quiet ({@code +CMGS} in flight). Answers queued with
     * {@link #answerNextSubmit} still come first.
     *
     * @param hold true to hold every submit unanswered, false to answer them again
     */
    public void holdSubmits(boolean hold) {
        script.holdSubmits(hold);
    }

    /**
     * Forgets every {@code respond}, {@code respondOnce}, {@code delay}, {@code drop}, {@code answerNextSubmit} and
     * {@code holdSubmits}.
     */
    public void clearResponses() {
        script.clear();
    }

    /**
     * Sends {@code \r\n<line>\r\n} on the current link now.
     *
     * @param line the unsolicited line, without CR/LF
     */
    public void urc(String line) {
        links.emit(List.of(Objects.requireNonNull(line, "line")));
    }

    /**
     * Sends the characters (ISO-8859-1, so {@code \u0000}–{@code \u00FF} are single bytes) verbatim.
     *
     * @param text characters U+0000–U+00FF, each sent as one byte
     */
    public void sendRaw(String text) {
        sendRaw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends the bytes verbatim on the current link now.
     *
     * @param bytes sent as they are (copied first); dropped when no link is open
     */
    public void sendRaw(byte[] bytes) {
        links.sendRaw(bytes.clone());
    }

    /**
     * Whether received commands are echoed back before their answer, as {@code ATE0}/{@code ATE1} would set it.
     *
     * @param on true to echo commands, as after {@code ATE1}
     */
    public void echo(boolean on) {
        simState.echo(on);
    }

    /**
     * Cuts every later write into chunks of at most {@code maxChunk} bytes; {@code 0} turns splitting off.
     *
     * @param maxChunk the largest write in bytes, or 0 for whole writes
     */
    public void splitWrites(int maxChunk) {
        links.splitWrites(maxChunk);
    }

    /**
     * Resets the wrong-PIN counter too.
     *
     * @param state what {@code AT+CPIN?} reports from now on
     */
    public void pinState(PinState state) {
        simState.pinState(state);
    }

    /**
     * The SIM lock state.
     *
     * @return what {@code AT+CPIN?} reports now
     */
    public PinState pinState() {
        return simState.pinState();
    }

    /**
     * The PIN {@code AT+CPIN="<pin>"} accepts (default {@code 1234}).
     *
     * @param pin the PIN the SIM accepts
     */
    public void pin(String pin) {
        simState.pin(pin);
    }

    /**
     * Wrong PINs entered since the last {@link #pinState(PinState)}; three in SIM_PIN block the SIM (SIM_PUK).
     *
     * @return the count since the last reset
     */
    public int wrongPinAttempts() {
        return simState.wrongPinAttempts();
    }

    /**
     * The {@code +CSQ} answer (default {@code 20,0}).
     *
     * @param rssi 0–31, or 99 for unknown
     * @param ber 0–7, or 99 for unknown
     */
    public void signal(int rssi, int ber) {
        simState.signal(rssi, ber);
    }

    /**
     * Sets the circuit- and packet-switched registration stat ({@code +CREG?}/{@code +CGREG?}, default 1) and emits
     * {@code +CREG: <stat>,...} and {@code +CGREG: <stat>,...}, each if the host enabled it ({@code AT+CREG=2}, as
     * init does).
     *
     * @param stat the 27.007 registration stat (0 not registered, 1 home, 2 searching, 3 denied, 5 roaming)
     */
    public void registration(int stat) {
        network.registration(stat);
    }

    /**
     * Sets one domain's registration and emits its URC if the host enabled it: with {@code AT+CEREG=2},
     * {@code +CEREG: 1,"1A2B","01A2B3C4",7}; the query answers {@code +CEREG: 2,1,"1A2B","01A2B3C4",7}. Location
     * fields are reported only while registered. Defaults: {@code CREG}/{@code CGREG} 1 without {@code <AcT>} (as a
     * SIM800), {@code CEREG} 1 with 7 (E-UTRAN), {@code C5GREG} 0. Whether the modem answers a domain at all is the
     * profile's: the SIM800 refuses {@code +CEREG}, no profile answers {@code +C5GREG}.
     *
     * @param domain {@code CREG}, {@code CGREG}, {@code CEREG} or {@code C5GREG} (a leading {@code +} and any case
     *               accepted)
     * @param stat   the 27.007 stat (0–10)
     * @param act    the 27.007 {@code <AcT>} (0 GSM, 2 UTRAN, 7 E-UTRAN, 11 NR...), or -1 for none in the lines
     * @throws IllegalArgumentException for another domain
     */
    public void registration(String domain, int stat, int act) {
        network.registration(domain, stat, act);
    }

    /**
     * The LTE-only field case (an EC25 or SIM7600 on an LTE-only network or SIM): {@code +CREG: 0,0} and
     * {@code +CGREG: 0,0} while {@code +CEREG: 0,1} with {@code <AcT>} 7; emits the enabled URCs.
     */
    public void lteOnlyRegistration() {
        network.lteOnlyRegistration();
    }

    /**
     * The asynchronous {@code +CUSD} that follows OK for {@code code}; {@code text} null gives {@code +CUSD: <status>}.
     *
     * @param code the USSD code the host sends (e.g. {@code *100#})
     * @param status the {@code +CUSD} status, 0–5
     * @param text the reply text, or null for none
     * @param dcs the data coding scheme reported with the text
     */
    public void ussdReply(String code, int status, String text, int dcs) {
        simState.ussdReply(code, status, text, dcs);
    }

    /**
     * Emits {@code RING} and {@code +CLIP: "<number>",<145|129>,"",0,"",0}; the call is ringing.
     *
     * @param number the caller's number as presented in {@code +CLIP}; {@code +} selects type 145
     */
    public void incomingCall(String number) {
        network.incomingCall(number);
    }

    /** Emits {@code NO CARRIER}; the call is over. */
    public void remoteHangup() {
        network.remoteHangup();
    }

    /** The remote party answered our {@code ATD}: the call is active; emits {@code VOICE CALL: BEGIN}. */
    public void answerCall() {
        network.answerCall();
    }

    /**
     * A second caller rings while our call is active (call waiting): emits {@code +CCWA: "<number>",<145|129>,1}
     * and, when {@code ringToo} (as SIMCom modules do), {@code RING} and {@code +CLIP} as well. {@code AT+CLCC} lists
     * it as call 2 with stat 5 (waiting) until the caller gives up or our call ends.
     *
     * @param number the waiting caller's number; {@code +} selects type 145
     * @param ringToo whether {@code RING} and {@code +CLIP} follow the {@code +CCWA}
     * @throws IllegalStateException when no call is active
     */
    public void waitingCall(String number, boolean ringToo) {
        network.waitingCall(number, true, ringToo);
    }

    /**
     * A second caller waits while our call is active, and the modem reports nothing (call-waiting presentation off):
     * only {@code AT+CLCC} shows it, as call 2 with stat 5.
     *
     * @param number the waiting caller's number
     * @throws IllegalStateException when no call is active
     */
    public void waitingCallSilently(String number) {
        network.waitingCall(number, false, false);
    }

    /**
     * The waiting caller gives up; the modem emits a bare {@code NO CARRIER} that names no call, while our call
     * stays active (and listed by {@code AT+CLCC}).
     *
     * @throws IllegalStateException when no call is waiting
     */
    public void waitingCallerGivesUp() {
        network.waitingCallerGivesUp(true);
    }

    /**
     * The waiting caller gives up and the modem reports nothing: {@code AT+CLCC} no longer lists it.
     *
     * @throws IllegalStateException when no call is waiting
     */
    public void waitingCallerGivesUpSilently() {
        network.waitingCallerGivesUp(false);
    }

    // ---- restarts and SMS readiness -------------------------------------------------------------------------

    /**
     * The modem restarts under a live link (firmware crash, brown-out, {@code AT+CFUN=1,1}): every setting goes back
     * to its power-on default (echo on, {@code AT+CMGF=0}, {@code +CNMI: 0,0,0,0,0}) and the profile's real boot
     * lines are emitted ({@code RDY}, {@code +CFUN: 1}, {@code +CPIN: READY}, {@code Call Ready}, {@code SMS Ready}
     * on a SIM800). Stored messages stay. After {@link #pinAfterRestart(boolean) pinAfterRestart(true)} the SIM asks
     * for its PIN again and the boot lines say {@code +CPIN: SIM PIN}.
     */
    public void restart() {
        network.restart();
    }

    /**
     * Whether {@link #restart()} locks the SIM again, as a real power cycle does when the SIM has PIN protection on.
     *
     * @param required true: after a restart the SIM answers {@code +CPIN: SIM PIN} until the PIN is entered
     */
    public void pinAfterRestart(boolean required) {
        network.pinAfterRestart(required);
    }

    /**
     * The profile's boot lines, as {@link #restart()} emits them.
     *
     * @return e.g. {@code [RDY, +CFUN: 1, +CPIN: READY, Call Ready, SMS Ready]} on a SIM800
     */
    public List<String> bootLines() {
        return profile.quirks().bootLines();
    }

    /**
     * The next {@code commands} SMS commands ({@code AT+CMGF}, {@code AT+CNMI}, {@code AT+CPMS}, {@code AT+CMGL}...)
     * answer the profile's not-ready error ({@code +CMS ERROR: 302} on a SIM800, {@code +CME ERROR: 14} on an EC25);
     * the profile's ready line ({@code SMS Ready}, {@code +QIND: SMS DONE}) follows the last one refused.
     *
     * @param commands how many SMS commands to refuse; at least 1
     */
    public void smsNotReadyFor(int commands) {
        network.smsNotReadyFor(commands);
    }

    /** Every SMS command answers the profile's not-ready error until {@link #smsReady()}. */
    public void smsNotReady() {
        simState.smsNotReady(Integer.MAX_VALUE);
    }

    /** The SMS service is up: SMS commands work again and the profile's ready line (if it has one) is emitted. */
    public void smsReady() {
        network.smsReady();
    }

    /**
     * What {@code AT+CNMI=?} answers from now on; a set outside these ranges is refused with {@code +CMS ERROR: 303}.
     * The current setting goes back to the power-on {@code 0,0,0,0,0}.
     *
     * @param ranges e.g. {@code (0,1),(0,1),(0),(0,1),(1)}
     */
    public void cnmiRanges(String ranges) {
        simState.cnmiRanges(CnmiRanges.parse(Objects.requireNonNull(ranges, "ranges")));
    }

    /**
     * The current {@code AT+CNMI} setting.
     *
     * @return {@code mode,mt,bm,ds,bfr}, e.g. {@code "2,1,0,2,0"}
     */
    public String cnmi() {
        return simState.cnmiSetting();
    }

    /**
     * Whether commands are echoed now ({@code ATE1}, or after a {@link #restart()}).
     *
     * @return true when commands are echoed
     */
    public boolean echoing() {
        return simState.echo();
    }

    /**
     * The remote party answers our {@code ATD} and the call is active, reported as this profile's modem reports it:
     * SIM800 and EC25 send nothing (only {@code AT+CLCC} shows the change), SIM7600 {@code VOICE CALL: BEGIN}, Huawei
     * {@code ^CONN:1,0}.
     */
    public void remoteAnswers() {
        network.remoteAnswers();
    }

    /** The call ends and the modem's {@code NO CARRIER} is lost: only {@code AT+CLCC} (now empty) shows it. */
    public void callDropsSilently() {
        simState.call(SimState.CallPhase.IDLE);
    }

    /**
     * The remote party presses {@code digit}; emits this profile's DTMF URC: SIM800 {@code +DTMF: 5}, SIM7600
     * {@code +RXDTMF: 5}, EC25 {@code +QTONEDET: 53} (the ASCII code).
     *
     * @param digit one of {@code 0-9 * # A-D}
     * @throws IllegalStateException for the Huawei profile, whose modems have no DTMF detector
     */
    public void dtmf(char digit) {
        network.dtmf(digit);
    }

    // ---- SMS storage ----------------------------------------------------------------------------------------

    /**
     * Makes the modem offer only these memories in {@code AT+CPMS=?} (one list per memory: mem1 read, mem2 write,
     * mem3 receive) and refuse an {@code AT+CPMS} set naming any other; mem1 and mem3 start as the first of their
     * lists. Received messages go to mem3.
     *
     * @param lists two or three lists of memory names ("SM", "ME", "MT")
     */
    public void offerStorages(List<List<String>> lists) {
        storage.offer(lists);
    }

    /**
     * Stores a received message (unread) in the receiving memory (mem3, "SM" unless set) without a URC; returns its
     * index.
     *
     * @param pduHex the SMS-DELIVER PDU, SMSC address included, in hex
     * @return the storage index, as {@code AT+CMGR} takes it
     */
    public int storeSms(String pduHex) {
        return sms.store(pduHex);
    }

    /**
     * Stores a received message and emits {@code +CMTI: "<mem3>",<index>} when {@code AT+CNMI} asked for it
     * ({@code mt=1}); otherwise the message only waits in storage, as on a real modem.
     *
     * @param pduHex the SMS-DELIVER PDU, SMSC address included, in hex
     * @return the storage index announced in the URC
     */
    public int deliverStored(String pduHex) {
        return sms.deliverStored(pduHex);
    }

    /**
     * Emits {@code +CMT: ,<tpdu-length>} and the PDU line.
     *
     * @param pduHex the SMS-DELIVER PDU, SMSC address included, in hex
     */
    public void deliverDirect(String pduHex) {
        sms.deliverDirect(pduHex);
    }

    /**
     * Emits {@code +CDS: <tpdu-length>} and the PDU line.
     *
     * @param pduHex the SMS-STATUS-REPORT PDU, SMSC address included, in hex
     */
    public void deliverReportDirect(String pduHex) {
        sms.deliverReportDirect(pduHex);
    }

    /**
     * Stores a status report and emits {@code +CDSI: "SM",<index>}.
     *
     * @param pduHex the SMS-STATUS-REPORT PDU, SMSC address included, in hex
     * @return the storage index announced in the URC
     */
    public int deliverReportStored(String pduHex) {
        return deliverReportStored(pduHex, "SM");
    }

    /**
     * As {@link #deliverReportStored(String)}, announcing the given memory (e.g. {@code "SR"}); one store backs all.
     * The {@code +CDSI} is emitted only when {@code AT+CNMI} asked for it ({@code ds=2}).
     *
     * @param pduHex the SMS-STATUS-REPORT PDU, SMSC address included, in hex
     * @param memory the storage name put in the URC
     * @return the storage index announced in the URC
     */
    public int deliverReportStored(String pduHex, String memory) {
        return sms.deliverReportStored(pduHex, memory);
    }

    /**
     * Stores a received message in {@code memory} and emits {@code +CMTI: "<memory>",<index>}; when that memory is
     * full nothing is stored and the profile's storage-full URC is emitted instead.
     *
     * @param memory "SM", "ME" or "MT" (which is "SM" here)
     * @param pduHex the SMS-DELIVER PDU, SMSC address included, in hex
     * @return the storage index announced in the URC, or -1 when the memory was full
     */
    public int deliverStored(String memory, String pduHex) {
        return sms.deliverStored(memory, pduHex);
    }

    /**
     * Puts an arbitrary PDU, garbage included, with the given {@code <stat>} (2 stored unsent, 3 stored sent: drafts
     * and sent copies) in {@code memory}, without a URC.
     *
     * @param memory "SM", "ME" or "MT"
     * @param pduHex any text; the modem lists it as it is
     * @param stat   the {@code <stat>} {@code AT+CMGL} shows, 0–3
     * @return the storage index, or -1 when the memory was full
     */
    public int storeRaw(String memory, String pduHex, int stat) {
        return sms.storeRaw(memory, pduHex, stat);
    }

    /**
     * Fills {@code memory} to capacity with received messages (no URC), so the next delivery finds it full.
     *
     * @param memory "SM", "ME" or "MT"
     * @param pduHex the SMS-DELIVER PDU stored in every free slot
     */
    public void fillStorage(String memory, String pduHex) {
        sms.fill(memory, pduHex);
    }

    /** Emits this profile's storage-full URC ({@code +CIEV: "SMSFULL",1}, Huawei {@code ^SMMEMFULL: "SM"}). */
    public void signalStorageFull() {
        sms.signalStorageFull();
    }

    /**
     * A text-mode direct delivery, as from a modem that ignores {@code AT+CMGF=0} for {@code +CMT}:
     * {@code +CMT: "<sender>",,"<scts>"} and the text line.
     *
     * @param sender the originator as the modem shows it
     * @param scts   the time stamp as the modem shows it, {@code yy/MM/dd,hh:mm:ss±zz}
     * @param text   the message text (one line)
     */
    public void deliverTextMode(String sender, String scts, String text) {
        sms.deliverTextMode(sender, scts, text);
    }

    /**
     * Index → PDU of every message in {@code memory}.
     *
     * @param memory "SM", "ME" or "MT"
     * @return a snapshot, index to PDU hex
     */
    public Map<Integer, String> storedSms(String memory) {
        return simState.storage().snapshot(memory);
    }

    /**
     * Index → PDU of every stored message.
     *
     * @return a snapshot, index to PDU hex
     */
    public Map<Integer, String> storedSms() {
        return storage.snapshot();
    }

    /**
     * The PDUs received after an {@code AT+CMGS} prompt and submitted with Ctrl-Z, in order: the newest
     * {@link #HISTORY_LIMIT}.
     *
     * @return a snapshot of the PDUs in hex, in submission order
     */
    public List<String> sentPdus() {
        return interpreter.sentPdus();
    }

    // ---- link state -----------------------------------------------------------------------------------------

    /** The link drops (the audio port's too): pipe EOF, TCP connection closed and listener stopped, socat stopped. */
    public void unplug() {
        links.unplug();
        audio.unplug();
    }

    /** Serves again: TCP listens on the same port, the pty reappears at the same path; pipes need {@link #openPipe()}. */
    public void replug() {
        links.replug();
        audio.replug();
    }

    // ---- verify ---------------------------------------------------------------------------------------------

    /**
     * The next command line received (without CR) not taken yet, or null after the timeout (or when the calling
     * thread is interrupted; its interrupt flag is kept).
     *
     * @param timeout how long to wait
     * @param unit the unit of {@code timeout}
     * @return the command line, or null
     */
    public String takeCommand(long timeout, TimeUnit unit) {
        try {
            return commands.take(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The command lines received so far, in order: the newest {@link #HISTORY_LIMIT} (SMS payloads are in
     * {@link #sentPdus()}).
     *
     * @return a snapshot of the command lines
     */
    public List<String> commands() {
        return commands.all();
    }

    @Override
    public void close() {
        audio.close();
        links.close();
        dispatcher.close();
    }
}
