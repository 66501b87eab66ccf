/**
 * Byte links to a modem, each with one named daemon reader thread
 * ({@value dev.callstack.modem.internal.link.ReaderThreadLink#THREAD_PREFIX}N): jSerialComm
 * ({@link dev.callstack.modem.internal.link.SerialLink}, semi-blocking reads), TCP
 * ({@link dev.callstack.modem.internal.link.TcpConnector}, socket read timeout) and plain streams
 * ({@link dev.callstack.modem.internal.link.StreamLink}). End of stream or a read error is reported once as the link
 * closing; a deliberate {@code close()} is not.
 */
package dev.callstack.modem.internal.link;
