/**
 * {@link dev.callstack.modem.SerialModem}: the core {@code Modem} API over a real modem on a serial port
 * ({@code /dev/ttyUSB2}, jSerialComm) or raw AT over TCP ({@code tcp://host:port}), configured with
 * {@link dev.callstack.modem.SerialModemConfig}. {@link dev.callstack.modem.ConnectionFactory} plugs in other byte links
 * (the simulator, an in-memory pipe).
 *
 * <p>Data flow: {@code SerialLink}/{@code TcpConnector} (one reader thread per link) → {@code AtLineFramer} →
 * {@code AtCommandExecutor} (engine thread: one command in flight, timeouts) → {@code UrcParser} → services
 * ({@code NetworkMonitor}, {@code UssdService}, {@code CallControl}, the SMS module) → events on the modem's bus.
 *
 * <p>The module's face is this package, {@link dev.callstack.modem.pdu} (the pure SMS PDU codec) and
 * {@link dev.callstack.modem.store} (the SQLite message store). Everything under {@code dev.callstack.modem.internal}
 * is implementation: no other module may use it and no public signature names it (the server's
 * {@code ArchitectureTest} keeps both true).
 */
package dev.callstack.modem;
