package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callstack.core.CallEndedException;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import dev.callstack.core.voice.VoiceStatus;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.modem.internal.voice.DtmfTones;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Call audio end to end: a {@link SerialModem} over the AT simulator (SIM7600 profile, whose {@code AT+CPCMREG}
 * answers are scripted) with its audio port on a real loopback TCP server ({@link TcpAudioPeer}).
 */
class VoiceSessionTest {
    private final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    private AtModemSimulator sim;
    private PluggableSimLink simLink;
    private TcpAudioPeer peer;
    private SerialModem modem;

    @AfterEach
    void tearDown() throws IOException {
        if (modem != null) {
            modem.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (peer != null) {
            peer.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0
                && SimHarness.liveThreads("callstack-audio-") == 0);
    }

    private SerialModem connected(String audioPort) {
        sim = new AtModemSimulator(SimProfile.SIM7600);
        sim.respond("AT+CPCMREG=1", "OK");
        sim.respond("AT+CPCMREG=0", "OK");
        simLink = new PluggableSimLink(sim);
        SerialModemConfig.Builder config = SimHarness.fastConfig();
        if (audioPort != null) {
            config.audioPort(audioPort);
        }
        modem = SerialModem.builder(config.build()).connections(simLink)
                .sms(context -> new UnavailableSmsModule()).build();
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
        modem.start();
        await().until(() -> modem.state().connected());
        return modem;
    }

    /** Connected with the audio port on the peer, an incoming call answered, and its session. */
    private CallSession answeredCall() throws Exception {
        peer = new TcpAudioPeer();
        connected(peer.address());
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        await().until(() -> modem.voice().session().isPresent());
        assertThat(sim.commands()).contains("AT+CPCMREG=1");
        return modem.voice().session().orElseThrow();
    }

    private static short[] tone(double hz, Duration length, double amplitude) {
        short[] s = new short[(int) (length.toMillis() * 8)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 8000.0));
        }
        return s;
    }

    /** 200 ms of silence, then each digit as a 100 ms tone followed by 100 ms of silence. */
    private static short[] dtmf(String digits) {
        short[] s = new short[1600 * (digits.length() + 1)];
        for (int i = 0; i < digits.length(); i++) {
            DtmfTones.add(digits.charAt(i), s, 1600 * (i + 1), 800, 6000, 6000, 1.0);
        }
        return s;
    }

    private void sayLater(short[] samples) {
        var unused = CompletableFuture.runAsync(() -> {
            try {
                peer.say(samples);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The amplitude of one frequency over the first {@code n} samples (a single DFT bin, any phase). */
    private static double amplitudeAt(AudioClip clip, double hz, int n) {
        double i = 0;
        double q = 0;
        for (int k = 0; k < n; k++) {
            double w = 2 * Math.PI * hz * k / 8000.0;
            i += clip.sample(k) * Math.cos(w);
            q += clip.sample(k) * Math.sin(w);
        }
        return 2 * Math.hypot(i, q) / n;
    }

    private List<DtmfReceived> digits() {
        return events.stream().filter(DtmfReceived.class::isInstance).map(DtmfReceived.class::cast).toList();
    }

    @Test
    void playedClipReachesTheAudioPortByteForByte() throws Exception {
        CallSession session = answeredCall();
        AudioClip clip = AudioClip.ofSamples("tone", tone(440, Duration.ofMillis(600), 8000));
        session.play(clip);
        await().until(() -> peer.heard().length >= clip.byteCount());
        byte[] heard = peer.heard();
        assertThat(Arrays.copyOf(heard, clip.byteCount())).isEqualTo(clip.pcm());
        assertThat(heard.length % 640).isZero();
    }

    @Test
    void inBandDigitsAreCollectedAndPublishedOnce() throws Exception {
        CallSession session = answeredCall();
        sayLater(dtmf("42#"));
        assertThat(session.collectDtmf(5, Duration.ofSeconds(5), '#')).isEqualTo("42");
        await().until(() -> digits().size() == 3);
        assertThat(digits()).extracting(DtmfReceived::digit).containsExactly('4', '2', '#');
    }

    @Test
    void theSameDigitFromUrcAndInBandCountsOnce() throws Exception {
        CallSession session = answeredCall();
        sayLater(dtmf("7"));
        // The tone starts 200 ms into what the peer says; the modem's URC for it comes at about the same time.
        await().until(() -> peer.connections() == 1);
        sim.dtmf('7');
        assertThat(session.collectDtmf(2, Duration.ofMillis(1500), (char) 0)).isEqualTo("7");
        assertThat(digits()).extracting(DtmfReceived::digit).containsExactly('7');
    }

    @Test
    void recordingEndsWithTheHangUpAndHoldsTheTone() throws Exception {
        CallSession session = answeredCall();
        short[] said = Arrays.copyOf(tone(440, Duration.ofSeconds(3), 8000), 8000 * 3 + 4000);
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(() -> {
            try {
                peer.say(said);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).thenRun(sim::remoteHangup);
        Recording r = session.record(RecordOptions.upTo(Duration.ofSeconds(20)));
        speaking.get(10, TimeUnit.SECONDS);
        assertThat(r.ending()).isEqualTo(Recording.Ending.HANGUP);
        assertThat(r.duration()).isBetween(Duration.ofMillis(2900), Duration.ofMillis(3600));
        // The caller's tone is in it: the first two seconds carry 440 Hz at about the amplitude spoken.
        assertThat(amplitudeAt(r.audio(), 440, 16000)).isGreaterThan(7000);
        assertThat(amplitudeAt(r.audio(), 1000, 16000)).isLessThan(500);
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void recordingStopsOnSilenceAndOnDtmf() throws Exception {
        CallSession session = answeredCall();
        sayLater(new short[8000 * 3]);
        Recording silent = session.record(new RecordOptions(Duration.ofSeconds(10), Duration.ofMillis(800), false));
        assertThat(silent.ending()).isEqualTo(Recording.Ending.SILENCE);
        sayLater(dtmf("9"));
        Recording pressed = session.record(new RecordOptions(Duration.ofSeconds(10), null, true));
        assertThat(pressed.ending()).isEqualTo(Recording.Ending.DTMF);
    }

    @Test
    void hangUpMidPromptEndsPlaybackPromptlyAndSwitchesPcmOff() throws Exception {
        CallSession session = answeredCall();
        AudioClip prompt = AudioClip.ofSamples("long", tone(440, Duration.ofSeconds(20), 8000));
        CompletableFuture<Void> playing = CompletableFuture.runAsync(() -> session.play(prompt));
        await().until(() -> peer.heard().length >= 640 * 10);
        sim.remoteHangup();
        assertThatThrownBy(() -> playing.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(CallEndedException.class);
        await().until(peer::closedByModem);
        int atEnd = peer.heard().length;
        // Well under the prompt: playback stopped with the call.
        assertThat(atEnd).isLessThan(prompt.byteCount() / 4);
        await().until(() -> sim.commands().contains("AT+CPCMREG=0"));
        assertThat(modem.voice().session()).isEmpty();
        assertThatThrownBy(() -> session.collectDtmf(1, Duration.ofSeconds(1), (char) 0))
                .isInstanceOf(CallEndedException.class);
        assertThat(session.awaitEnd(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aDigitBargesIntoThePrompt() throws Exception {
        CallSession session = answeredCall();
        AudioClip prompt = AudioClip.ofSamples("menu", tone(440, Duration.ofSeconds(20), 8000));
        sayLater(dtmf("3"));
        String got = session.playAndCollect(prompt, 1, Duration.ofSeconds(5), '#');
        assertThat(got).isEqualTo("3");
        assertThat(peer.heard().length).isLessThan(prompt.byteCount() / 4);
    }

    @Test
    void withoutAnAudioPortVoiceIsAbsentAndCallsWork() throws Exception {
        connected(null);
        assertThat(modem.voice().status()).isEqualTo(VoiceStatus.ABSENT);
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        assertThat(modem.voice().session()).isEmpty();
        sim.dtmf('5');
        await().until(() -> digits().size() == 1);
        assertThat(sim.commands()).doesNotContain("AT+CPCMREG=1");
    }

    @Test
    void anAudioPortThatCannotOpenIsAnErrorAndTheCallGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        connected("tcp://127.0.0.1:" + closedPort);
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        await().until(() -> modem.voice().status() == VoiceStatus.ERROR);
        assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
        assertThat(modem.voice().session()).isEmpty();
        modem.calls().hangUp().get(30, TimeUnit.SECONDS);
        assertThat(sim.commands()).doesNotContain("AT+CPCMREG=1");
    }

    @Test
    void aModemDisconnectEndsTheSessionAndPcmIsSwitchedOffAfterReconnect() throws Exception {
        CallSession session = answeredCall();
        simLink.unplug();
        await().until(() -> !session.isActive());
        await().until(peer::closedByModem);
        assertThat(sim.commands()).doesNotContain("AT+CPCMREG=0");
        simLink.replug();
        await().until(() -> modem.state().connected());
        await().until(() -> sim.commands().contains("AT+CPCMREG=0"));
    }

    @Test
    void digitsNeverReachTheLogs() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.callstack");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level was = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
        try {
            CallSession session = answeredCall();
            sayLater(dtmf("*D"));
            sim.dtmf('C');
            assertThat(session.collectDtmf(3, Duration.ofSeconds(5), (char) 0)).hasSize(3);
            session.hangUp();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(was);
        }
        List<String> lines;
        synchronized (appender) {
            lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        // The URC digit was logged before AtLogRedactor knew the DTMF URCs ("AT< +RXDTMF: C").
        assertThat(lines).isNotEmpty().anyMatch(l -> l.contains("+RXDTMF: [redacted]"))
                .noneMatch(l -> l.contains("*D") || l.contains("'C'") || l.contains("=C") || l.contains("DTMF: C"));
    }
}
