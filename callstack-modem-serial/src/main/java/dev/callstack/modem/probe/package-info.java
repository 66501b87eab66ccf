/**
 * Diagnosing a modem without changing it: {@link dev.callstack.modem.probe.ModemProbe} sends only read-only AT
 * commands and returns a typed {@link dev.callstack.modem.probe.ProbeReport};
 * {@link dev.callstack.modem.probe.SerialPortCatalog} lists serial ports with their USB identity, the modem guessed
 * from a table of known devices, whether they are in use and whether this user may open them.
 */
package dev.callstack.modem.probe;
