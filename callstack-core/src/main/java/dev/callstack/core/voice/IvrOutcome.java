package dev.callstack.core.voice;

import java.util.List;
import java.util.Objects;

/**
 * How an {@link IvrMenu#run} went.
 *
 * @param path   the valid options chosen, in order, across sub-menus (DTMF digits: caller input, never log them);
 *               never null
 * @param ending how it ended; never null
 */
public record IvrOutcome(List<String> path, Ending ending) {
    /** How a menu ended. */
    public enum Ending {
        /** An action finished the call (a hang-up option, a voicemail, play-then-hang-up, ...). */
        COMPLETED,
        /** The caller gave no valid option within the retries; the menu said goodbye and hung up. */
        RETRIES_EXHAUSTED,
        /** The call ended under the menu (the caller hung up, or the modem went away). */
        CALLER_HUNG_UP
    }

    /**
     * Validates and copies the fields.
     *
     * @param path   the options chosen
     * @param ending how it ended
     */
    public IvrOutcome {
        path = List.copyOf(path);
        Objects.requireNonNull(ending, "ending");
    }

    /** The ending and the number of options chosen; never the digits. */
    @Override
    public String toString() {
        return "IvrOutcome[options=" + path.size() + ", ending=" + ending + "]";
    }
}
