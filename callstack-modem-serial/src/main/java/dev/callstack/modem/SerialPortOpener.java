package dev.callstack.modem;

import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.link.SerialLink;
import java.io.IOException;

/**
 * Opens a device-path serial port at a speed: {@link SerialLink#open} in production; a test substitutes one that
 * records what was asked for. Implementations are thread-safe (called on the lifecycle and audio threads).
 */
@FunctionalInterface
interface SerialPortOpener {
    /** The real ports, through jSerialComm. */
    SerialPortOpener JSERIALCOMM = SerialLink::open;

    /** Opens {@code path} at {@code baudRate} bit/s, 8N1. */
    Link open(String path, int baudRate) throws IOException;
}
