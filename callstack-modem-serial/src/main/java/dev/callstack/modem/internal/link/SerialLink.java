package dev.callstack.modem.internal.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Objects;

/**
 * A serial device through jSerialComm (8N1, no flow control). Reads are semi-blocking with a short timeout: the
 * native read returns at least every {@value #READ_TIMEOUT_MS} ms so close is prompt; -1 from the native read
 * (device unplugged) ends the link.
 *
 * <p>Thread-safe.
 */
public final class SerialLink extends ReaderThreadLink {
    static final int READ_TIMEOUT_MS = 150;

    private final SerialPort port;
    private final String path;

    private SerialLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    public static SerialLink open(String path, int baudRate) throws IOException {
        Objects.requireNonNull(path, "path");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("invalid serial port " + path, e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 2000);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialLink(port, path);
    }

    @Override
    protected int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            return isClosed() ? 0 : -1;
        }
        return n;
    }

    @Override
    protected void writeBytes(byte[] bytes) throws IOException {
        synchronized (port) {
            int written = port.writeBytes(bytes, bytes.length);
            if (written != bytes.length) {
                throw new IOException("serial write failed (" + written + " of " + bytes.length + " bytes)");
            }
        }
    }

    @Override
    protected void release() {
        port.closePort();
    }

    @Override
    public String description() {
        return path;
    }
}
