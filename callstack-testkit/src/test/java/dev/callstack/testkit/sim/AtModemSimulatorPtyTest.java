package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs over a real pseudo-terminal pair; skipped only when socat is missing outside CI. */
@Timeout(30)
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
        if (sim != null) {
            sim.close();
        }
        if (host != null) {
            host.close();
        }
    }

    /** Channels, because closing one wakes a blocked tty read (closing a FileInputStream does not). */
    private static HostEnd openHost(Path device) throws IOException {
        FileChannel reads = FileChannel.open(device, StandardOpenOption.READ);
        FileChannel writes = FileChannel.open(device, StandardOpenOption.WRITE);
        return new HostEnd(Channels.newInputStream(reads), Channels.newOutputStream(writes), () -> {
            reads.close();
            writes.close();
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
    void hostCanCloseAndReopenTheDevice() throws Exception {
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        host.close();
        sim.urc("+CMTI: \"SM\",1");
        host = openHost(pty.hostDevice());
        assertThat(host.awaitReceived(",1\r\n")).isEqualTo("\r\n+CMTI: \"SM\",1\r\n");
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: READY\r\n\r\nOK\r\n");
    }

    @Test
    void aPipeReplacesThePtyLinkWithoutStoppingThePty() throws Exception {
        SimulatorPipe pipe = sim.openPipe();
        try (HostEnd pipeHost = HostEnd.of(pipe)) {
            assertThat(pipeHost.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        }
        assertThat(pty.hostDevice()).exists();
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
