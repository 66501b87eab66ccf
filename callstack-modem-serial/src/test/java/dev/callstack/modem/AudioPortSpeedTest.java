package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.event.CallState;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.modem.internal.link.StreamLink;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimProfile;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A device-path audio port is opened at the audio speed, not the AT port's: on a real UART 115 200 bit/s cannot
 * carry 16 000 bytes/s of PCM. The port opener is replaced by one that records what it was asked for and hands out
 * the simulator's audio pipe.
 */
class AudioPortSpeedTest {
    private AtModemSimulator sim;
    private SerialModem modem;

    @AfterEach
    void tearDown() {
        SimHarness.closeAndAwaitThreads(modem, sim);
    }

    @Test
    void aSerialAudioPortIsOpenedAtTheAudioSpeed() throws Exception {
        sim = new AtModemSimulator(SimProfile.SIM7600);
        List<String> opened = new CopyOnWriteArrayList<>();
        SerialModemConfig config = SimHarness.fastConfig().audioPort("/dev/ttyAMA1").build();
        modem = SerialModem.builder(config).connections(new PluggableSimLink(sim))
                .sms(context -> new UnavailableSmsModule())
                .serialPorts((path, baud) -> {
                    opened.add(path + " @ " + baud);
                    SimulatorPipe pipe = sim.audio().openPipe();
                    return new StreamLink(pipe.hostInput(), pipe.hostOutput(), pipe, "sim audio pipe");
                }).build();
        modem.start();
        await().until(() -> modem.state().connected());
        sim.incomingCall("+15551234567");
        await().until(() -> modem.calls().state() == CallState.RINGING);
        modem.calls().answer().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> modem.voice().session().isPresent()
                && sim.audio().streaming());

        assertThat(opened).containsExactly("/dev/ttyAMA1 @ " + SerialModemConfig.DEFAULT_AUDIO_BAUD);
        assertThat(config.baudRate()).isEqualTo(SerialModemConfig.DEFAULT_BAUD);
    }
}
