package dev.callstack.modem.internal.audio;

import java.util.Objects;

/**
 * The AT commands that route a call's audio to the modem's PCM port and back: profile data, one pair per modem
 * family. Immutable.
 *
 * @param on  sent once the call is active and the audio port is open; empty when the family has none
 * @param off sent when the call ends (and after a reconnect if it may have been left on); empty when the family
 *            switches back by itself at the end of the call
 */
public record PcmSwitch(String on, String off) {
    /** No known command: the family cannot carry call audio on a separate port. */
    public static final PcmSwitch NONE = new PcmSwitch("", "");

    /**
     * Validates the fields.
     *
     * @param on  the enabling command or empty
     * @param off the disabling command or empty
     */
    public PcmSwitch {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(off, "off");
        if (on.isEmpty() && !off.isEmpty()) {
            throw new IllegalArgumentException("an off command without an on command");
        }
    }

    /**
     * Whether audio can be switched to the PCM port at all.
     *
     * @return true when there is an enabling command
     */
    public boolean supported() {
        return !on.isEmpty();
    }

    /**
     * Whether switching back needs a command.
     *
     * @return true when there is a disabling command
     */
    public boolean hasOff() {
        return !off.isEmpty();
    }
}
