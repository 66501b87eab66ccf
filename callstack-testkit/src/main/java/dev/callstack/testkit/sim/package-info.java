/**
 * An AT modem simulator for tests: {@link dev.callstack.testkit.sim.AtModemSimulator} plays a SIM800-class modem
 * on the far end of an in-memory pipe, a TCP socket or a socat pseudo-terminal.
 *
 * <p>Data flow per link: bytes → {@code ModemLineReader} (commands end with CR; an {@code AT+CMGS} payload ends
 * with Ctrl-Z or is cancelled with ESC) → {@code SessionDispatcher} (echo, command log) → {@code CommandInterpreter}
 * ({@code Script} overrides first, then {@code ModemBehaviour}: the profile's {@code CommandTable}, SIM800's being
 * {@code Sim800Commands.TABLE}, maps the command to a handler that answers from {@code SimState}) → {@code SimReply}
 * → {@code FrameWriter} ({@code \r\n<line>\r\n}, split writes); delayed answers and follow-ups go out on the
 * dispatcher's scheduler thread. {@code Links} owns the transports and which link is current, where URCs and raw
 * bytes go.
 *
 * <p>The PCM audio port ({@link dev.callstack.testkit.sim.SimAudioPort}, from {@code AtModemSimulator.audio()}) is
 * a second link: {@code SimPcm} entries in the profile's table switch a flag in {@code SimState} (on only during an
 * active call); a pacer thread sends the {@code CallerAudio} frames every 40 ms over the current {@code AudioLink}
 * while the flag is on, and the link's reader keeps what the host writes. {@link dev.callstack.testkit.sim.PcmSignals}
 * makes and compares test audio.
 */
package dev.callstack.testkit.sim;
