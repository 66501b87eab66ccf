package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.voice.AudioFormat8k;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimAudioCloseTest {

    @Test
    void closeEndsThePacerAndEveryAudioReader() throws Exception {
        AtModemSimulator sim = new AtModemSimulator(SimProfile.SIM7600);
        try (HostEnd host = HostEnd.of(sim.openPipe());
                AudioHost pipeAudio = AudioHost.of(sim.audio().openPipe())) {
            InetSocketAddress address = sim.audio().listenTcp();
            Socket socket = new Socket(address.getAddress(), address.getPort());
            try (AudioHost tcpAudio = new AudioHost(socket.getInputStream(), socket.getOutputStream(), socket)) {
                sim.incomingCall("+491510000000");
                host.awaitReceived("+CLIP");
                host.exchange("ATA", "OK");
                host.exchange("AT+CPCMREG=1", "OK");
                await().atMost(HostEnd.TIMEOUT).until(() -> tcpAudio.receivedCount() >= AudioFormat8k.FRAME_BYTES);
                pipeAudio.awaitEof(); // the TCP connection replaced the pipe
                assertThat(AtModemSimulatorCloseTest.simulatorThreads())
                        .anyMatch(name -> name.startsWith("callstack-sim-audio-pacer"))
                        .anyMatch(name -> name.startsWith("callstack-sim-audio-tcp-"));

                sim.close();

                tcpAudio.awaitEof();
                assertThat(sim.audio().streaming()).isFalse();
                await().atMost(HostEnd.TIMEOUT)
                        .untilAsserted(() -> assertThat(AtModemSimulatorCloseTest.simulatorThreads()).isEmpty());
            }
        }
        sim.close(); // idempotent
    }

    @Test
    void aSimulatorWhoseAudioPortIsNeverUsedStartsNoAudioThread() {
        try (AtModemSimulator sim = new AtModemSimulator(SimProfile.SIM7600)) {
            assertThat(sim.audio().streaming()).isFalse();
            assertThat(AtModemSimulatorCloseTest.simulatorThreads()).noneMatch(name -> name.contains("audio"));
        }
    }
}
