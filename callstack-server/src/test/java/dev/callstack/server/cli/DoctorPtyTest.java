package dev.callstack.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.probe.ModemProbe;
import dev.callstack.modem.probe.SerialPortCatalog;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.PtyEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * doctor over a real pseudo-terminal (socat), the way an operator runs it against {@code /dev/ttyUSB2}: jSerialComm
 * opens the pty, and the report, the exit code and the simulator's command log are checked. Skips when socat is
 * missing locally; in CI ({@code CI} set) a missing socat fails.
 */
class DoctorPtyTest {
    @TempDir
    Path root;

    private AtModemSimulator sim;
    private PtyEndpoint pty;

    @BeforeEach
    void start() {
        if (!AtModemSimulator.socatAvailable()) {
            Assumptions.assumeTrue(System.getenv("CI") != null,
                    "socat is not installed: skipping the doctor pty tests (install socat; they always run in CI)");
            throw new AssertionError("socat is required in CI (CI is set) but is not on PATH");
        }
        sim = new AtModemSimulator();
        pty = sim.openPty();
    }

    @AfterEach
    void stop() {
        if (pty != null) {
            pty.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private record Run(int code, String out) {
    }

    private Run doctor(String... extra) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = CallstackCommand.commandLine(new CallstackCommand(Map.of(), false), false)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        ((DoctorCommand) commandLine.getSubcommands().get("doctor").getCommand()).catalog =
                new SerialPortCatalog(List::of, root);
        String[] args = new String[3 + extra.length];
        args[0] = "doctor";
        args[1] = "--modem";
        args[2] = pty.hostDevice().toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        int code = commandLine.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void aHealthyModemOnAPtyExits0AndOnlyReadOnlyCommandsWereSent() {
        Run run = doctor();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("✔ SIM", "Verdict: the modem is usable.", "Only read-only commands");
        assertThat(sim.commands()).isNotEmpty().allMatch(ModemProbe.COMMANDS::contains);
    }

    @Test
    void registrationDeniedOnAPtyExits1AndSaysSo() {
        sim.registration(3);
        Run run = doctor("--json");
        assertThat(run.code()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).startsWith("{\"usable\":false").contains("registration denied");
        assertThat(sim.commands()).isNotEmpty().allMatch(ModemProbe.COMMANDS::contains);
    }

    @Test
    void garbageInsteadOfAnswersOnAPtyExits1() {
        sim.respond("AT", "\u0001\u00ff#garbage");
        Run run = doctor("--timeout", "500ms");
        assertThat(run.code()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("✘ AT", "Verdict: no usable modem.");
        assertThat(sim.commands()).allMatch(ModemProbe.COMMANDS::contains);
    }
}
