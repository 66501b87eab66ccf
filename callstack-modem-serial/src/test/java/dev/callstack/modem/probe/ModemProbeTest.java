package dev.callstack.modem.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.probe.Finding.Status;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.PinState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against the AT simulator over a real TCP socket, in healthy and broken states. */
class ModemProbeTest {
    private AtModemSimulator sim;
    private String target;

    @BeforeEach
    void start() {
        sim = new AtModemSimulator();
        InetSocketAddress address = sim.listenTcp();
        target = "tcp://127.0.0.1:" + address.getPort();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Diagnosis probe() throws InterruptedException {
        ProbeReport report = new ModemProbe(Duration.ofSeconds(1)).probe(target);
        return ModemDiagnosis.diagnose(report, null, List.of("/dev/ttyUSB3"), false);
    }

    private Finding finding(Diagnosis diagnosis, String check) {
        return diagnosis.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void aHealthyModemIsUsableAndOnlyReadOnlyCommandsReachIt() throws Exception {
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isTrue();
        assertThat(diagnosis.findings()).allMatch(f -> f.status() == Status.OK);
        assertThat(finding(diagnosis, "identity").detail()).contains("SIMCOM");
        assertThat(sim.commands()).isNotEmpty().allMatch(ModemProbe.COMMANDS::contains);
        assertThat(sim.commands()).containsAll(ModemProbe.COMMANDS);
    }

    @Test
    void aSimAskingForItsPinPointsToThePinFileAndNoPinIsSent() throws Exception {
        sim.pinState(PinState.SIM_PIN);
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isFalse();
        assertThat(finding(diagnosis, "SIM").status()).isEqualTo(Status.FAIL);
        assertThat(finding(diagnosis, "SIM").fix()).contains("--sim-pin-file");
        assertThat(sim.commands()).allMatch(ModemProbe.COMMANDS::contains).noneMatch(c -> c.startsWith("AT+CPIN="));
    }

    @Test
    void aModemThatIsNotRegisteredSaysSoWithTheRegistryThatAnswered() throws Exception {
        sim.registration(0);
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isFalse();
        Finding network = finding(diagnosis, "network");
        assertThat(network.status()).isEqualTo(Status.FAIL);
        assertThat(network.detail()).startsWith("not registered");
        assertThat(network.fix()).contains("antenna");
    }

    @Test
    void aDeniedRegistrationIsReported() throws Exception {
        sim.registration(3);
        Diagnosis diagnosis = probe();
        assertThat(finding(diagnosis, "network").detail()).startsWith("registration denied");
        assertThat(diagnosis.usable()).isFalse();
    }

    @Test
    void aPortThatDoesNotAnswerIsProbablyTheWrongInterface() throws Exception {
        sim.drop("AT");
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isFalse();
        Finding at = finding(diagnosis, "AT");
        assertThat(at.status()).isEqualTo(Status.FAIL);
        assertThat(at.fix()).contains("not the AT interface", "/dev/ttyUSB3");
        // After a timeout the AT engine resynchronises with AT+CPIN?, itself on the read-only list.
        assertThat(sim.commands()).contains("AT").allMatch(ModemProbe.COMMANDS::contains).doesNotContain("ATI");
    }

    @Test
    void garbageIsNotMistakenForAnAnswer() throws Exception {
        sim.respond("AT", "\u00ff\u00fe garbage", "#!%");
        sim.drop("AT");
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isFalse();
        assertThat(finding(diagnosis, "AT").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aRefusedConnectionIsAFindingNotAnException() throws Exception {
        sim.close();
        Diagnosis diagnosis = probe();
        assertThat(diagnosis.usable()).isFalse();
        assertThat(finding(diagnosis, "port").fix()).contains("ser2net");
    }

    @Test
    void aMissingDeviceAndAHiLinkStickGetTheirOwnFixes() throws Exception {
        ProbeReport missing = new ModemProbe(Duration.ofSeconds(1)).probe("/dev/ttyNoSuchModem9");
        assertThat(missing.access()).isEqualTo(PortAccess.NOT_FOUND);
        SerialPortInfo hilink = new SerialPortInfo("/dev/ttyNoSuchModem9", List.of(), "12d1", "14db", -1,
                KnownModems.lookup("12d1", "14db").orElseThrow(), SerialPortInfo.Role.UNKNOWN, null, true);
        Diagnosis diagnosis = ModemDiagnosis.diagnose(missing, hilink, List.of(), true);
        assertThat(finding(diagnosis, "port").fix()).contains("usb_modeswitch");
        assertThat(finding(diagnosis, "ModemManager").fix()).contains("ID_MM_DEVICE_IGNORE", "systemctl mask");
    }

    @Test
    void permissionAndBusyGetDialoutAndModemManagerFixes() {
        Diagnosis denied = ModemDiagnosis.diagnose(new ProbeReport("/dev/ttyUSB2", PortAccess.PERMISSION_DENIED,
                "denied", List.of()), null, List.of(), false);
        assertThat(finding(denied, "port").fix()).contains("dialout");
        Diagnosis busy = ModemDiagnosis.diagnose(new ProbeReport("/dev/ttyUSB2", PortAccess.BUSY, "busy",
                List.of()), null, List.of(), false);
        assertThat(finding(busy, "port").fix()).contains("ModemManager");
    }
}
