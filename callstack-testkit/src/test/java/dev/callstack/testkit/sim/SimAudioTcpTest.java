package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.voice.AudioFormat8k;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The audio port over a real loopback socket ({@code tcp://}), one host connection at a time. */
class SimAudioTcpTest extends ProfilePipeTest {

    private static AudioHost connect(InetSocketAddress address) throws Exception {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        return new AudioHost(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    private void streamingCall() {
        sim.incomingCall("+491510000000");
        host.awaitReceived("+CLIP");
        host.exchange("ATA", "OK");
        host.exchange("AT+CPCMREG=1", "OK");
    }

    @Test
    void pcmFlowsBothWaysOverTcp() throws Exception {
        open(SimProfile.SIM7600);
        InetSocketAddress address = sim.audio().listenTcp();
        assertThat(sim.audio().listenTcp()).isEqualTo(address);
        byte[] said = SimAudioPortTest.ramp(1500);
        sim.audio().say(said);
        try (AudioHost audio = connect(address)) {
            streamingCall();
            await().atMost(HostEnd.TIMEOUT).until(() -> audio.receivedCount() >= 5 * AudioFormat8k.FRAME_BYTES);

            byte[] received = audio.received();
            assertThat(Arrays.copyOf(received, said.length)).isEqualTo(said);

            byte[] prompt = PcmSignals.tone(1000, Duration.ofMillis(200), 0.5);
            audio.write(prompt);
            await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().heard().length == prompt.length);
            assertThat(sim.audio().heard()).isEqualTo(prompt);
        }
    }

    @Test
    void aNewConnectionReplacesTheCurrentOne() throws Exception {
        open(SimProfile.SIM7600);
        InetSocketAddress address = sim.audio().listenTcp();
        streamingCall();
        try (AudioHost first = connect(address)) {
            await().atMost(HostEnd.TIMEOUT).until(() -> first.receivedCount() >= AudioFormat8k.FRAME_BYTES);
            try (AudioHost second = connect(address)) {
                first.awaitEof();
                await().atMost(HostEnd.TIMEOUT).until(() -> second.receivedCount() >= AudioFormat8k.FRAME_BYTES);
            }
        }
    }

    @Test
    void unplugClosesTheConnectionAndStopsListeningUntilReplug() throws Exception {
        open(SimProfile.SIM7600);
        InetSocketAddress address = sim.audio().listenTcp();
        streamingCall();
        try (AudioHost audio = connect(address)) {
            await().atMost(HostEnd.TIMEOUT).until(() -> sim.audio().streaming());

            sim.unplug();

            audio.awaitEof();
            assertThat(sim.audio().streaming()).isFalse();
            assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                    .isInstanceOf(ConnectException.class);
        }
        sim.replug();
        try (AudioHost again = connect(address)) {
            // The same port; the modem kept its PCM register through the unplug.
            await().atMost(HostEnd.TIMEOUT).until(() -> again.receivedCount() >= AudioFormat8k.FRAME_BYTES);
        }
    }
}
