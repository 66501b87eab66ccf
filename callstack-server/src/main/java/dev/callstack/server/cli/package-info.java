/**
 * The {@code callstack} command line: {@code serve} (the default), {@code ports}, {@code doctor}, and the clients of a
 * running server ({@code status}, {@code send}, {@code ussd}, {@code monitor}); the TOML configuration file. Only
 * {@link dev.callstack.server.cli.Cli} is public. Everything AT lives in callstack-modem-serial's
 * {@code dev.callstack.modem.probe}; these classes parse options and format.
 */
package dev.callstack.server.cli;
