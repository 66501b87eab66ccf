package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audio port over a pipe, driven by AT commands on a second pipe, as a modem driver would. */
class SimAudioPortTest extends ProfilePipeTest {
    /** Long enough that a stream which should be silent would have sent several frames. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private AudioHost audio;

    void openWithAudio(SimProfile profile) {
        open(profile);
        audio = AudioHost.of(sim.audio().openPipe());
    }

    @AfterEach
    void closeAudio() throws Exception {
        if (audio != null) {
            audio.close();
        }
    }

    private void answerIncomingCall() {
        sim.incomingCall("+491510000000");
        host.awaitReceived("+CLIP");
        host.exchange("ATA", "OK");
    }

    /** Distinct, non-zero samples, so order and integrity show; not a whole number of frames. */
    static byte[] ramp(int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) (i + 1);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    private void assertQuiet() {
        int before = audio.receivedCount();
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> audio.receivedCount() == before && !sim.audio().streaming());
    }

    /** After the stream stops, at most the frame already in flight arrives. */
    private void assertStopped() {
        await().atMost(HostEnd.TIMEOUT).until(() -> !sim.audio().streaming());
        int stopped = audio.receivedCount();
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> audio.receivedCount() <= stopped + AudioFormat8k.FRAME_BYTES);
    }

    @Test
    void cpcmregWithoutActiveCallIsRefusedAndThePortStaysSilent() {
        openWithAudio(SimProfile.SIM7600);

        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n");
        sim.incomingCall("+491510000000");
        host.awaitReceived("+CLIP");
        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n"); // ringing, not answered
        assertThat(host.exchange("AT+CPCMREG?", "OK")).contains("+CPCMREG: 0");

        assertQuiet();
        assertThat(audio.receivedCount()).isZero();
    }

    @Test
    void hostAudioBeforeTheStreamIsDiscarded() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        byte[] early = PcmSignals.tone(440, Duration.ofMillis(80), 0.5);

        audio.write(early);
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().discardedBytes() == early.length);
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());

        assertThat(sim.audio().heard()).isEmpty();
    }

    @Test
    void afterAtaAndCpcmregTheCallerSpeaksInFramesAndHearsTheHost() {
        openWithAudio(SimProfile.SIM7600);
        byte[] said = ramp(1000); // 2000 bytes: three frames and a padded fourth
        sim.audio().say(said);
        answerIncomingCall();

        assertThat(host.exchange("AT+CPCMREG=1", "OK")).endsWith("OK\r\n");
        assertThat(host.exchange("AT+CPCMREG?", "OK")).contains("+CPCMREG: 1");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());
        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= 6 * AudioFormat8k.FRAME_BYTES);

        byte[] received = audio.received();
        assertThat(Arrays.copyOf(received, said.length)).isEqualTo(said);
        assertThat(Arrays.copyOfRange(received, said.length, 6 * AudioFormat8k.FRAME_BYTES))
                .containsOnly((byte) 0); // the padded frame, then silence
        assertThat(audio.readSizes()).containsOnly(AudioFormat8k.FRAME_BYTES);
        assertThat(sim.audio().speaking()).isFalse();

        byte[] prompt = PcmSignals.tone(1000, Duration.ofMillis(120), 0.5);
        audio.write(prompt);
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().heard().length == prompt.length);
        assertThat(sim.audio().heard()).isEqualTo(prompt);
        sim.audio().clearHeard();
        assertThat(sim.audio().heard()).isEmpty();
    }

    @Test
    void aPromptWrittenInRealTimeFramesCorrelatesWithWhatTheCallerHeard() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());
        byte[] prompt = new byte[8 * AudioFormat8k.FRAME_BYTES];
        byte[] dtmf = PcmSignals.dtmfSequence("12", 0.5);
        System.arraycopy(dtmf, 0, prompt, AudioFormat8k.FRAME_BYTES, dtmf.length);

        audio.write(PcmSignals.silence(Duration.ofMillis(80)));
        for (int at = 0; at < prompt.length; at += AudioFormat8k.FRAME_BYTES) {
            audio.write(Arrays.copyOfRange(prompt, at, at + AudioFormat8k.FRAME_BYTES));
        }

        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().heard().length == prompt.length + 1280);
        assertThat(PcmSignals.normalizedCorrelation(sim.audio().heard(), prompt)).isGreaterThan(0.99);
        assertThat(PcmSignals.normalizedCorrelation(sim.audio().heard(), PcmSignals.dtmf('9', 0.5)))
                .isLessThan(0.5);
    }

    @Test
    void audioClipsPlayInTheOrderQueued() {
        openWithAudio(SimProfile.SIM7600);
        byte[] first = PcmSignals.tone(700, Duration.ofMillis(80), 0.4);
        byte[] second = ramp(640);
        sim.audio().say(AudioClip.ofPcm("first", first));
        sim.audio().say(second);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");

        await().atMost(HostEnd.TIMEOUT).until(() -> !sim.audio().speaking());
        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= first.length + second.length);
        byte[] received = audio.received();
        assertThat(Arrays.copyOf(received, first.length)).isEqualTo(first);
        assertThat(Arrays.copyOfRange(received, first.length, first.length + second.length)).isEqualTo(second);
    }

    @Test
    void outgoingCallStreamsOnceTheRemotePartyAnswers() {
        openWithAudio(SimProfile.SIM7600);
        host.exchange("ATD+491510000000;", "OK");
        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n"); // still dialling

        sim.remoteAnswers();
        host.awaitReceived("VOICE CALL: BEGIN");
        host.exchange("AT+CPCMREG=1", "OK");

        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= AudioFormat8k.FRAME_BYTES);
    }

    @Test
    void cpcmregZeroStopsTheStreamAndIsLogged() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= AudioFormat8k.FRAME_BYTES);

        assertThat(host.exchange("AT+CPCMREG=0,1", "OK")).endsWith("OK\r\n");

        assertStopped();
        assertThat(host.exchange("AT+CPCMREG?", "OK")).contains("+CPCMREG: 0");
        assertThat(sim.commands()).containsSubsequence("AT+CPCMREG=1", "AT+CPCMREG=0,1");
        byte[] late = PcmSignals.tone(440, Duration.ofMillis(40), 0.5);
        audio.write(late);
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().discardedBytes() == late.length);
        assertThat(sim.audio().heard()).isEmpty();
    }

    @Test
    void remoteHangupStopsTheStream() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());

        sim.remoteHangup();

        assertStopped();
        assertThat(host.exchange("AT+CPCMREG?", "OK")).contains("+CPCMREG: 0");
    }

    @Test
    void athAndSilentlyDroppedCallsStopTheStream() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());
        host.exchange("ATH", "OK");
        assertStopped();

        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());
        sim.callDropsSilently();
        assertStopped();
    }

    @Test
    void unplugEndsTheAudioLinkAndANewLinkResumesWhileTheCallLasts() throws Exception {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());

        sim.unplug();

        audio.awaitEof();
        assertThat(sim.audio().streaming()).isFalse();

        sim.replug();
        audio.close();
        audio = AudioHost.of(sim.audio().openPipe());
        // The modem kept its PCM register: the host must send AT+CPCMREG=0 itself if it gave up on the call.
        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= AudioFormat8k.FRAME_BYTES);
    }

    @Test
    void restartStopsTheStream() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();
        host.exchange("AT+CPCMREG=1", "OK");
        await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());

        sim.callDropsSilently();
        sim.restart();

        assertStopped();
    }

    @Test
    void ec25UsesQpcmv() {
        openWithAudio(SimProfile.EC25);
        assertThat(host.exchange("AT+QPCMV=1,0", "ERROR")).endsWith("ERROR\r\n"); // no call
        assertThat(host.exchange("AT+QPCMV=?", "OK")).contains("+QPCMV: (0,1),(0-2)");
        answerIncomingCall();
        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n"); // SIMCom's command
        assertThat(host.exchange("AT+QPCMV=1", "ERROR")).endsWith("ERROR\r\n"); // the port is required

        host.exchange("AT+QPCMV=1,0", "OK");

        assertThat(host.exchange("AT+QPCMV?", "OK")).contains("+QPCMV: 1,0");
        await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= AudioFormat8k.FRAME_BYTES);
        host.exchange("AT+QPCMV=0", "OK");
        assertStopped();
        assertThat(host.exchange("AT+QPCMV?", "OK")).contains("+QPCMV: 0,0");
    }

    @Test
    void sim800HasNoPcmPort() {
        openWithAudio(SimProfile.SIM800);
        answerIncomingCall();

        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n");
        assertThat(host.exchange("AT+QPCMV=1,0", "ERROR")).endsWith("ERROR\r\n");
        assertThat(host.exchange("AT+CPCMREG?", "ERROR")).endsWith("ERROR\r\n");

        assertQuiet();
        assertThat(audio.receivedCount()).isZero();
    }

    @Test
    void huaweiHasNoPcmPort() {
        openWithAudio(SimProfile.HUAWEI);
        answerIncomingCall();

        assertThat(host.exchange("AT+CPCMREG=1", "ERROR")).endsWith("ERROR\r\n");
        assertThat(host.exchange("AT+QPCMV=1,0", "ERROR")).endsWith("ERROR\r\n");
        assertQuiet();
    }

    @Test
    void malformedPcmCommandsAreRefused() {
        openWithAudio(SimProfile.SIM7600);
        answerIncomingCall();

        for (String bad : new String[] {"AT+CPCMREG=2", "AT+CPCMREG=", "AT+CPCMREG=x", "AT+CPCMREG=1,2",
                "AT+CPCMREG=1,0,0"}) {
            assertThat(host.exchange(bad, "ERROR")).as(bad).endsWith("ERROR\r\n");
        }
        assertThat(sim.audio().streaming()).isFalse();
    }
}
