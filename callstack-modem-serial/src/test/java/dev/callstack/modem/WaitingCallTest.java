package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.voice.CallSession;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second caller rings during our call (27.007 call waiting) and gives up, and the modem says so with a bare
 * {@code NO CARRIER} that names no call: our call, and its voice session, must go on until our caller hangs up.
 * End to end: a {@link SerialModem} over the simulator.
 */
class WaitingCallTest {
    private static final String WAITING = "+15550100200";
    private final List<CallState> changes = new CopyOnWriteArrayList<>();
    private final List<CallerId> callerIds = new CopyOnWriteArrayList<>();
    private AtModemSimulator sim;
    private SerialModem modem;

    @AfterEach
    void tearDown() {
        SimHarness.closeAndAwaitThreads(modem, sim);
    }

    private void connect(SimProfile profile, boolean audio) {
        sim = new AtModemSimulator(profile);
        SerialModem.Builder builder = SerialModem.builder(SimHarness.fastConfig().build());
        if (audio) {
            builder.audioConnections(() -> {
                SimulatorPipe pipe = sim.audio().openPipe();
                return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "sim audio pipe");
            });
        }
        modem = builder.connections(new PluggableSimLink(sim)).sms(context -> new UnavailableSmsModule()).build();
        modem.start();
        await().until(() -> modem.state().connected());
    }

    /** A SIM7600 (which polls calls) with an answered incoming call and its voice session streaming. */
    private CallSession answeredWithAudio() throws Exception {
        connect(SimProfile.SIM7600, true);
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        await().until(() -> modem.voice().session().isPresent() && sim.audio().streaming());
        listen();
        return modem.voice().session().orElseThrow();
    }

    private void listen() {
        var unused = modem.events().subscribe(CallStateChanged.class, e -> changes.add(e.state()), Delivery.inline());
        var unused2 = modem.events().subscribe(CallerId.class, callerIds::add, Delivery.inline());
    }

    private long callListQueries() {
        return sim.commands().stream().filter("AT+CLCC"::equals).count();
    }

    /**
     * The waiting caller gives up; returns once the modem has asked {@code AT+CLCC} since (or ended the call without
     * asking) and a later command has been answered: the AT executor is serialised, so the list's answer has been
     * handled by then.
     */
    private void waitingCallerGivesUpAndTheModemLooks() throws Exception {
        long before = callListQueries();
        sim.waitingCallerGivesUp();
        await().until(() -> callListQueries() > before || modem.calls().state() != CallState.ACTIVE);
        modem.calls().sendDtmf("1").get(30, TimeUnit.SECONDS);
    }

    private void assertOurCallGoesOn(CallSession session) {
        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        assertThat(changes).isEmpty();
        assertThat(session.isActive()).isTrue();
        assertThat(modem.voice().session()).containsSame(session);
        assertThat(sim.audio().streaming()).isTrue();
        assertThat(sim.commands()).doesNotContain("AT+CPCMREG=0");
    }

    private void assertOurCallerHangsUpAndTheCallEndsOnce(CallSession session) {
        sim.remoteHangup();
        await().until(() -> modem.calls().state() == CallState.IDLE && !session.isActive());
        assertThat(changes).containsExactly(CallState.ENDED, CallState.IDLE);
    }

    @Test
    void aWaitingCallersBareNoCarrierLeavesOurCallAndItsVoiceSessionUp() throws Exception {
        CallSession session = answeredWithAudio();
        sim.waitingCall(WAITING, true); // +CCWA, then SIMCom's RING and +CLIP

        waitingCallerGivesUpAndTheModemLooks();

        assertOurCallGoesOn(session);
        assertThat(callerIds).as("the waiting caller is not our caller").isEmpty();
        assertOurCallerHangsUpAndTheCallEndsOnce(session);
    }

    @Test
    void aWaitingCallTheModemNeverAnnouncedIsCheckedTooWhenTheProfilePollsCalls() throws Exception {
        CallSession session = answeredWithAudio();
        sim.waitingCallSilently(WAITING);

        waitingCallerGivesUpAndTheModemLooks();

        assertOurCallGoesOn(session);
        assertOurCallerHangsUpAndTheCallEndsOnce(session);
    }

    @Test
    void aModemThatDoesNotPollCallsChecksTheListOnlyAfterACallWaited() throws Exception {
        connect(SimProfile.HUAWEI, false);
        modem.calls().dial(PhoneNumber.of("+15550100100")).get(30, TimeUnit.SECONDS);
        sim.remoteAnswers(); // ^CONN:1,0
        await().until(() -> modem.calls().state() == CallState.ACTIVE);
        listen();
        sim.waitingCall(WAITING, false);

        waitingCallerGivesUpAndTheModemLooks();

        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        assertThat(changes).isEmpty();
        assertThat(callListQueries()).isEqualTo(1);
        sim.remoteHangup(); // a bare NO CARRIER again: this time the list is empty
        await().until(() -> modem.calls().state() == CallState.IDLE);
        assertThat(changes).containsExactly(CallState.ENDED, CallState.IDLE);
        assertThat(callListQueries()).isEqualTo(2);
    }
}
