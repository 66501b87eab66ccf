package dev.callstack.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.probe.ModemProbe;
import dev.callstack.modem.probe.SerialPortCatalog;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.PinState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** doctor and ports: the report, the exit code, and that only read-only commands reached the simulator. */
class DoctorCommandTest {
    @TempDir
    Path root;

    private AtModemSimulator sim;
    private String target;

    @BeforeEach
    void start() {
        sim = new AtModemSimulator();
        target = "tcp://127.0.0.1:" + sim.listenTcp().getPort();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private record Run(int code, String out) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CallstackCommand top = new CallstackCommand(Map.of(), false);
        CommandLine commandLine = CallstackCommand.commandLine(top, false).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out));
        SerialPortCatalog empty = new SerialPortCatalog(List::of, root);
        ((DoctorCommand) commandLine.getSubcommands().get("doctor").getCommand()).catalog = empty;
        ((PortsCommand) commandLine.getSubcommands().get("ports").getCommand()).catalog = catalogWithOnePort();
        int code = commandLine.execute(args);
        return new Run(code, out.toString());
    }

    private SerialPortCatalog catalogWithOnePort() {
        if (Files.exists(root.resolve("dev/ttyUSB2"))) {
            return new SerialPortCatalog(() -> List.of("/dev/ttyUSB2"), root);
        }
        try {
            Path usb = Files.createDirectories(root.resolve("sys/devices/usb1/1-1"));
            Files.writeString(usb.resolve("idVendor"), "2c7c\n");
            Files.writeString(usb.resolve("idProduct"), "0125\n");
            Path iface = Files.createDirectories(usb.resolve("1-1:1.2/ttyUSB2"));
            Files.writeString(usb.resolve("1-1:1.2/bInterfaceNumber"), "02\n");
            Files.createDirectories(root.resolve("sys/class/tty/ttyUSB2"));
            Files.createSymbolicLink(root.resolve("sys/class/tty/ttyUSB2/device"), iface);
            Files.createDirectories(root.resolve("dev"));
            Files.writeString(root.resolve("dev/ttyUSB2"), "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new SerialPortCatalog(() -> List.of("/dev/ttyUSB2"), root);
    }

    @Test
    void aHealthyModemExits0AndOnlyReadOnlyCommandsWereSent() {
        Run run = run("doctor", "--modem", target);
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("✔ SIM", "Verdict: the modem is usable.", "Only read-only commands");
        assertThat(sim.commands()).isNotEmpty().allMatch(ModemProbe.COMMANDS::contains);
    }

    @Test
    void aPinRequiredExits1WithThePinFileFixAndNoPinSent() {
        sim.pinState(PinState.SIM_PIN);
        Run run = run("doctor", "--modem", target, "--json");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("{\"usable\":false").contains("--sim-pin-file");
        assertThat(sim.commands()).allMatch(ModemProbe.COMMANDS::contains);
    }

    @Test
    void noAnswerExits1() {
        sim.drop("AT");
        Run run = run("doctor", "--modem", target, "--timeout", "500ms");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("✘ AT", "not the AT interface");
        assertThat(sim.commands()).allMatch(ModemProbe.COMMANDS::contains);
    }

    @Test
    void portsListsTheFakePortWithItsModelAndRole() {
        Run run = run("ports", "--json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"path\":\"/dev/ttyUSB2\"", "\"usb_id\":\"2c7c:0125\"", "\"model\":\"EC25\"",
                "\"role\":\"at\"");
        Run human = run("ports");
        assertThat(human.out()).contains("/dev/ttyUSB2  2c7c:0125  Quectel EC25  interface 2  AT port");
    }
}
