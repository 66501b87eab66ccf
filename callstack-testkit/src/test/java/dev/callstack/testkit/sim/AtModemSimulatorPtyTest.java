package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs over a real pseudo-terminal pair; skipped only when socat is missing outside CI. */
class AtModemSimulatorPtyTest {
    private AtModemSimulator sim;
    private PtyEndpoint pty;
    private HostEnd host;

    @BeforeEach
    void open() throws IOException {
        assumeTrue(AtModemSimulator.socatAvailable() || System.getenv("CI") != null,
                "socat is not installed (apt-get install socat); this test never skips under CI");
        sim = new AtModemSimulator();
        pty = sim.openPty();
        host = openHost(pty.hostDevice());
    }

    @AfterEach
    void close() throws Exception {
        // Stopping socat first hangs up the host tty, which is what ends the host's blocked read.
        if (sim != null) {
            sim.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static HostEnd openHost(Path device) throws IOException {
        FileInputStream in = new FileInputStream(device.toFile());
        FileOutputStream out = new FileOutputStream(device.toFile());
        return new HostEnd(in, out, () -> {
            in.close();
            out.close();
        });
    }

    @Test
    void answersCommandsOverThePty() {
        assertThat(pty.hostDevice()).exists();
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        sim.echo(true);
        assertThat(host.exchange("AT+CGMM", "OK")).isEqualTo("AT+CGMM\r\r\nSIMCOM_SIM800L\r\n\r\nOK\r\n");
    }

    @Test
    void smsSubmitAndUrcsWorkOverThePty() {
        host.send("AT+CMGS=61\r");
        assertThat(host.awaitReceived("> ")).isEqualTo("\r\n> ");
        host.send(AtModemSimulatorPipeTest.SUBMIT_PDU + AtModemSimulatorPipeTest.CTRL_Z);
        assertThat(host.awaitReceived("OK\r\n")).isEqualTo("\r\n+CMGS: 0\r\n\r\nOK\r\n");
        sim.deliverStored(AtModemSimulatorPipeTest.DELIVER_PDU);
        assertThat(host.awaitReceived(",1\r\n")).isEqualTo("\r\n+CMTI: \"SM\",1\r\n");
    }

    @Test
    void hostClosingTheDeviceKeepsThePtyUsable() throws Exception {
        // A blocked tty read only ends on hang-up, so the first host must not have a reader of its own here.
        host.close();
        host = null;
        sim.close();
        sim = new AtModemSimulator();
        pty = sim.openPty();
        sim.drop("AT+CFUN?");
        try (FileOutputStream writeOnly = new FileOutputStream(pty.hostDevice().toFile())) {
            writeOnly.write("AT+CFUN?\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThat(sim.takeCommand(HostEnd.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo("AT+CFUN?");
        host = openHost(pty.hostDevice());
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: READY\r\n\r\nOK\r\n");
    }

    @Test
    void unplugHangsUpAndReplugBringsTheSameDeviceBack() throws Exception {
        Path device = pty.hostDevice();
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");

        sim.unplug();
        host.awaitEof();
        assertThat(Files.exists(device)).isFalse();
        host.close();

        sim.replug();
        assertThat(pty.hostDevice()).isEqualTo(device).exists();
        host = openHost(device);
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void closingTheEndpointRemovesTheDevice() throws Exception {
        Path device = pty.hostDevice();
        pty.close();
        host.awaitEof();
        assertThat(device).doesNotExist();
        assertThat(device.getParent()).doesNotExist();
    }
}
