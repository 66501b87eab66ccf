package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 items 11–13 and 15 end to end: a {@link SerialModem} over the simulator playing each modem profile, with
 * the quirks real modems show (see {@code testdata/at-transcripts.md}): multi-line and packed-hex USSD, outgoing calls
 * that report nothing when answered, Huawei call URCs, each family's DTMF form and the command that switches it on.
 */
class VoiceQuirksTest {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    private AtModemSimulator sim;
    private SerialModem modem;

    @AfterEach
    void tearDown() {
        SimHarness.closeAndAwaitThreads(modem, sim);
    }

    /** A connected modem playing {@code profile}, past init and its first signal poll. */
    private SerialModem connected(SimProfile profile) {
        return connected(new AtModemSimulator(profile));
    }

    /** A connected modem over {@code simulator}, scripted by the caller before the init runs. */
    private SerialModem connected(AtModemSimulator simulator) {
        sim = simulator;
        modem = SerialModem.builder(SimHarness.fastConfig().build()).connections(new PluggableSimLink(sim))
                .sms(context -> new UnavailableSmsModule()).build();
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
        modem.start();
        await().until(() -> modem.state().connected() && modem.state().signal() != null);
        return modem;
    }

    private <E extends ModemEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    // ---- item 11: USSD ----

    @Test
    void multiLineMenuReplyIsKeptWhole() throws Exception {
        connected(SimProfile.SIM800);
        sim.ussdReply("*111#", 1, "1. Balance\r\n2. Bundles\r\n3. Help", 15);
        UssdResponse r = get(modem.ussd().send(UssdCode.of("*111#"), REPLY_WAIT));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("1. Balance\n2. Bundles\n3. Help");
        assertThat(r.dataCodingScheme()).isEqualTo(15);
    }

    @Test
    void huaweiGetsTheCodeAsPackedGsm7HexAndItsPackedReplyDecodes() throws Exception {
        connected(SimProfile.HUAWEI);
        sim.ussdReply("*100#", 0, "Balance 5.00", 15);
        UssdResponse r = get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT));
        assertThat(r.message()).isEqualTo("Balance 5.00");
        assertThat(sim.commands()).contains("AT+CUSD=1,\"AA180C3602\",15").doesNotContain("AT+CUSD=1,\"*100#\",15");
    }

    @Test
    void aModemRefusingTheTextFormIsAskedOnceMorePacked() throws Exception {
        connected(SimProfile.SIM800);
        sim.respond("AT+CUSD=1,\"*100#\",15", "ERROR");
        sim.respond("AT+CUSD=1,\"AA180C3602\",15", "OK", "+CUSD: 0,\"C2303BEC1E9775A019\",15");
        UssdResponse r = get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT));
        assertThat(r.message()).isEqualTo("Balance: 3");
        assertThat(sim.commands()).containsSubsequence("AT+CUSD=1,\"*100#\",15", "AT+CUSD=1,\"AA180C3602\",15");
    }

    @Test
    void ucs2HexReplyUnderDcs72Decodes() throws Exception {
        // "Баланс 5" in UCS-2, as operators in Russia and Ukraine send it.
        assertThat(sim800ReplyTo100("04110430043B0430043D04410020003500200440", 72)).isEqualTo("Баланс 5 р");
    }

    @Test
    void ucs2HexReplyFromAModemInUcs2CharsetDecodesUnderDcs15() throws Exception {
        // A modem left in AT+CSCS="UCS2" hex-encodes every reply, whatever the DCS: "您的余额为12元".
        assertThat(sim800ReplyTo100("60A876844F59989D4E3A003100325143", 15)).isEqualTo("您的余额为12元");
    }

    /** The decoded reply of a connected SIM800 to {@code *100#}, whose network answers {@code hex} under {@code dcs}. */
    private String sim800ReplyTo100(String hex, int dcs) throws Exception {
        connected(SimProfile.SIM800);
        sim.ussdReply("*100#", 0, hex, dcs);
        return get(modem.ussd().send(UssdCode.of("*100#"), REPLY_WAIT)).message();
    }

    @Test
    void theCharacterSetIsSetDeliberatelyAtInit() {
        connected(SimProfile.SIM800);
        assertThat(sim.commands()).contains("AT+CSCS=\"GSM\"");
    }

    // ---- item 15: the profile from ATI when AT+CGMI/AT+CGMM are refused ----

    @ParameterizedTest
    @CsvSource({"SIM800,sim800", "SIM7600,sim7600", "EC25,quectel", "HUAWEI,huawei"})
    void aModemRefusingCgmiAndCgmmIsRecognisedFromItsAtiAnswer(SimProfile profile, String expected) {
        AtModemSimulator refusing = new AtModemSimulator(profile);
        refusing.respond("AT+CGMI", "ERROR");
        refusing.respond("AT+CGMM", "ERROR");
        connected(refusing);
        assertThat(modem.status().modem().profile()).isEqualTo(expected);
        assertThat(sim.commands()).containsSubsequence("AT+CGMI", "AT+CGMM", "ATI");
        // What ATI said chose the profile only: the identity facts stay unknown rather than guessed.
        assertThat(modem.status().modem().manufacturer()).isNull();
        assertThat(modem.status().modem().model()).isNull();
    }

    @Test
    void aModemAnsweringCgmiAndCgmmIsNotAskedAti() {
        connected(SimProfile.EC25);
        assertThat(modem.status().modem().profile()).isEqualTo("quectel");
        assertThat(sim.commands()).doesNotContain("ATI");
    }

    // ---- item 12: call state by +CLCC polling ----

    @ParameterizedTest
    @EnumSource(value = SimProfile.class, names = {"SIM800", "EC25"})
    void outgoingCallWithoutProgressUrcsBecomesActiveByPollingAndIdleWhenTheListIsEmpty(SimProfile profile)
            throws Exception {
        connected(profile);
        get(modem.calls().dial(PhoneNumber.of("+15550100100")));
        assertThat(modem.calls().state()).isEqualTo(CallState.DIALING);
        sim.remoteAnswers();
        await().until(() -> modem.calls().state() == CallState.ACTIVE);
        sim.callDropsSilently();
        await().until(() -> modem.calls().state() == CallState.IDLE);
        assertThat(events(CallStateChanged.class)).extracting(CallStateChanged::state)
                .containsExactly(CallState.DIALING, CallState.ACTIVE, CallState.ENDED, CallState.IDLE);
        assertThat(sim.commands()).contains("AT+CLCC");
    }

    @Test
    void aStuckCallClearsWithinAPollSoTheNextDialWorks() throws Exception {
        connected(SimProfile.SIM800);
        get(modem.calls().dial(PhoneNumber.of("+15550100100")));
        sim.callDropsSilently(); // the NO CARRIER is lost
        await().until(() -> modem.calls().state() == CallState.IDLE);
        get(modem.calls().dial(PhoneNumber.of("+15550100100")));
        assertThat(modem.calls().state()).isEqualTo(CallState.DIALING);
    }

    @Test
    void huaweiCallUrcsDriveTheState() throws Exception {
        connected(SimProfile.HUAWEI);
        get(modem.calls().dial(PhoneNumber.of("+15550100100")));
        sim.remoteAnswers(); // ^CONN:1,0
        await().until(() -> modem.calls().state() == CallState.ACTIVE);
        sim.urc("^CEND:1,0,104,16");
        await().until(() -> modem.calls().state() == CallState.IDLE);
        assertThat(events(CallStateChanged.class)).extracting(CallStateChanged::state)
                .containsExactly(CallState.DIALING, CallState.ACTIVE, CallState.ENDED, CallState.IDLE);
        // Huawei reports progress itself: no polling.
        assertThat(sim.commands()).doesNotContain("AT+CLCC");
    }

    // ---- item 13: DTMF ----

    @ParameterizedTest
    @EnumSource(value = SimProfile.class, names = {"SIM800", "SIM7600", "EC25"})
    void eachProfilesDtmfUrcIsReceived(SimProfile profile) throws Exception {
        connected(profile);
        sim.incomingCall("+15550100100");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        get(modem.calls().answer());
        for (char digit : "5#*D".toCharArray()) {
            sim.dtmf(digit);
        }
        await().until(() -> events(DtmfReceived.class).size() == 4);
        assertThat(events(DtmfReceived.class)).extracting(DtmfReceived::digit).containsExactly('5', '#', '*', 'D');
    }

    @ParameterizedTest
    @ValueSource(strings = {"+DTMF:7", "+DTMF: 7", "+DTMF: 7,40", "+RXDTMF: 7", "+QTONEDET: 55", "#DTMFEV: 7"})
    void everyRealDtmfFormIsParsed(String line) {
        connected(SimProfile.SIM800);
        sim.urc(line);
        await().until(() -> events(DtmfReceived.class).size() == 1);
        assertThat(events(DtmfReceived.class).get(0).digit()).isEqualTo('7');
    }

    @Test
    void dtmfDetectionIsSwitchedOnPerProfile() {
        connected(SimProfile.EC25);
        assertThat(sim.commands()).contains("AT+QTONEDET=1").doesNotContain("AT+DDET=1");
    }

    @Test
    void sim800SwitchesOnDdet() {
        connected(SimProfile.SIM800);
        assertThat(sim.commands()).contains("AT+DDET=1").doesNotContain("AT+QTONEDET=1");
    }
}
