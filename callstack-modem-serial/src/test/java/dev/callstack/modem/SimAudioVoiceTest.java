package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.event.CallState;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        if (modem != null) {
            modem.close();
        }
        if (sim != null) {
            sim.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0
                && SimHarness.liveThreads("callstack-audio-") == 0);
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
