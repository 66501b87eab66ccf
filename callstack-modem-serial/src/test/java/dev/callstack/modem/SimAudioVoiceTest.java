package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.PcmSignals;
import dev.callstack.testkit.sim.SimProfile;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Call audio against the simulator's own audio port ({@code AtModemSimulator.audio()}), over a pipe and TCP. */
class SimAudioVoiceTest {
    private AtModemSimulator sim;
    private SerialModem modem;

    @AfterEach
    void tearDown() {
        SimHarness.closeAndAwaitThreads(modem, sim);
    }

    private CallSession answered(SimProfile profile, boolean tcp) throws Exception {
        sim = new AtModemSimulator(profile);
        SerialModemConfig.Builder config = SimHarness.fastConfig();
        SerialModem.Builder builder;
        if (tcp) {
            InetSocketAddress address = sim.audio().listenTcp();
            config.audioPort("tcp://127.0.0.1:" + address.getPort());
            builder = SerialModem.builder(config.build());
        } else {
            builder = SerialModem.builder(config.build()).audioConnections(() -> {
                SimulatorPipe pipe = sim.audio().openPipe();
                return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "sim audio pipe");
            });
        }
        modem = builder.connections(new PluggableSimLink(sim)).sms(context -> new UnavailableSmsModule()).build();
        modem.start();
        await().until(() -> modem.state().connected());
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        await().until(() -> modem.voice().session().isPresent() && sim.audio().streaming());
        return modem.voice().session().orElseThrow();
    }

    /** A rising chirp: correlates with itself only where it really is. */
    private static AudioClip prompt(Duration length) {
        int n = (int) (length.toMillis() * 8);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i / 8000.0;
            s[i] = (short) Math.round(9000 * Math.sin(2 * Math.PI * (300 * t + 400 * t * t)));
        }
        return AudioClip.ofSamples("chirp", s);
    }

    @ParameterizedTest
    @EnumSource(names = {"SIM7600", "EC25"})
    void theCallerHearsThePromptOverThePipe(SimProfile profile) throws Exception {
        CallSession session = answered(profile, false);
        AudioClip clip = prompt(Duration.ofMillis(1500));
        session.play(clip);
        await().untilAsserted(() -> assertThat(PcmSignals.normalizedCorrelation(sim.audio().heard(), clip.pcm()))
                .isGreaterThanOrEqualTo(0.9));
        session.hangUp();
        await().until(() -> !sim.audio().streaming());
        assertThat(sim.commands()).contains(profile == SimProfile.EC25 ? "AT+QPCMV=0" : "AT+CPCMREG=0");
    }

    @Test
    void theCallerHearsThePromptOverTcp() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, true);
        AudioClip clip = prompt(Duration.ofMillis(1500));
        session.play(clip);
        await().untilAsserted(() -> assertThat(PcmSignals.normalizedCorrelation(sim.audio().heard(), clip.pcm()))
                .isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void inBandDigitsFromTheSimulatorAreCollected() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        sim.audio().say(PcmSignals.dtmfSequence("19#", 0.25));
        assertThat(session.collectDtmf(5, Duration.ofSeconds(5), '#')).isEqualTo("19");
    }

    @Test
    void aDigitTypedAheadNeitherEndsARecordingNorOutlivesIt() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        AtomicInteger detected = new AtomicInteger();
        var unused = modem.events().subscribe(DtmfReceived.class, e -> detected.incrementAndGet());
        // The caller presses 5 before the recording starts (in-band only: the modem sends no URC here).
        sim.audio().say(PcmSignals.dtmf('5', 0.3));
        await().until(() -> detected.get() == 1);
        byte[] speech = PcmSignals.tone(440, Duration.ofSeconds(1), 0.25);
        sim.audio().say(speech);
        sim.audio().say(PcmSignals.dtmf('#', 0.3));

        Recording r = session.record(new RecordOptions(Duration.ofSeconds(10), null, true));

        assertThat(r.ending()).isEqualTo(Recording.Ending.DTMF);
        assertThat(PcmSignals.normalizedCorrelation(r.audio().pcm(), speech)).isGreaterThanOrEqualTo(0.9);
        await().until(() -> detected.get() == 2); // the # was detected, published once, and then consumed
        // Neither the old 5 nor the # that ended the message is left for the next prompt.
        assertThat(session.collectDtmf(1, Duration.ofMillis(500), (char) 0)).isEmpty();
    }

    @Test
    void aMenuStillSeesTypeAhead() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        AtomicInteger detected = new AtomicInteger();
        var unused = modem.events().subscribe(DtmfReceived.class, e -> detected.incrementAndGet());
        sim.audio().say(PcmSignals.dtmf('2', 0.3));
        await().until(() -> detected.get() == 1);
        AudioClip menu = prompt(Duration.ofSeconds(20));

        assertThat(session.playAndCollect(menu, 1, Duration.ofSeconds(5), (char) 0)).isEqualTo("2");
        assertThat(sim.audio().heard().length).isLessThan(menu.byteCount() / 4);
    }

    @Test
    void anInterruptedPlayerStopsPromptlyAndTheCallGoesOn() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        AudioClip clip = prompt(Duration.ofSeconds(20));
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread player = new Thread(() -> {
            try {
                session.play(clip);
            } catch (RuntimeException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        }, "test-player");
        player.start();
        await().until(() -> sim.audio().heard().length >= 640 * 5);
        player.interrupt();
        player.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(player.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CallEndedException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(session.isActive()).isTrue();
        assertThat(sim.audio().heard().length).isLessThan(clip.byteCount() / 4);
        session.play(prompt(Duration.ofMillis(200))); // the session still plays on another thread
    }

    @Test
    void aWaitingCallDoesNotDisturbThePlayingSession() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        List<CallState> changes = new CopyOnWriteArrayList<>();
        var unused = modem.events().subscribe(CallStateChanged.class, e -> changes.add(e.state()));
        AudioClip clip = prompt(Duration.ofMillis(2500));
        CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> session.play(clip));
        await().until(() -> sim.audio().heard().length >= 640 * 5);
        // A second caller rings while we talk (27.007 +CCWA; SIMCom repeats RING and +CLIP) and gives up.
        sim.urc("+CCWA: \"+15550100200\",145,1");
        sim.urc("RING");
        sim.urc("+CLIP: \"+15550100200\",145,,,,0");
        sim.urc("MISSED_CALL: 10:31AM +15550100200");

        playing.get(10, TimeUnit.SECONDS);
        await().untilAsserted(() -> assertThat(PcmSignals.normalizedCorrelation(sim.audio().heard(), clip.pcm()))
                .isGreaterThanOrEqualTo(0.9));
        assertThat(session.isActive()).isTrue();
        assertThat(modem.voice().session()).containsSame(session);
        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        assertThat(changes).isEmpty();
        assertThat(sim.commands()).doesNotContain("AT+CPCMREG=0");
    }

    @Test
    void aRecordedToneEndsWithTheHangUp() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        byte[] tone = PcmSignals.tone(440, Duration.ofSeconds(3), 0.25);
        sim.audio().say(tone);
        var unused = CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> !sim.audio().speaking());
            sim.remoteHangup();
        });
        Recording r = session.record(RecordOptions.upTo(Duration.ofSeconds(20)));
        assertThat(r.ending()).isEqualTo(Recording.Ending.HANGUP);
        assertThat(r.duration()).isBetween(Duration.ofMillis(2900), Duration.ofMillis(3800));
        assertThat(PcmSignals.normalizedCorrelation(r.audio().pcm(), PcmSignals.tone(440, Duration.ofSeconds(1),
                0.25))).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aHangUpMidPromptStopsThePlaybackWithinACoupleOfFrames() throws Exception {
        CallSession session = answered(SimProfile.SIM7600, false);
        AudioClip clip = prompt(Duration.ofSeconds(20));
        CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> session.play(clip));
        await().until(() -> sim.audio().heard().length >= 640 * 10);
        sim.remoteHangup();
        assertThatThrownBy(() -> playing.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(CallEndedException.class);
        int atThrow = sim.audio().heard().length;
        await().until(() -> !sim.audio().streaming() && sim.commands().contains("AT+CPCMREG=0"));
        assertThat(sim.audio().heard().length - atThrow).isLessThanOrEqualTo(2 * 640);
        assertThat(sim.audio().heard().length).isLessThan(clip.byteCount() / 4);
    }
}
