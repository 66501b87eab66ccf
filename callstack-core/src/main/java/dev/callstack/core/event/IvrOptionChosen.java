package dev.callstack.core.event;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A caller chose an option of an IVR menu. {@code option} is the menu's key for it (one DTMF digit the plan defines),
 * {@code event} the name the plan gave an {@code event} action, or null for the other actions.
 *
 * @param timestamp when Callstack observed the choice
 * @param option    the chosen option; one of {@code 0-9 * # A-D}
 * @param event     the plan's event name ({@code [a-z0-9_.-]}, 1 to 40 characters), or null
 */
public record IvrOptionChosen(Instant timestamp, String option, String event) implements ModemEvent {
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z0-9_.-]{1,40}");

    /**
     * Validates the fields.
     *
     * @param timestamp when Callstack observed the choice
     * @param option    a single DTMF digit
     * @param event     an event name or null
     */
    public IvrOptionChosen {
        Checks.notNull(timestamp, "timestamp");
        Checks.notNull(option, "option");
        if (option.length() != 1 || !DtmfReceived.isDtmf(option.charAt(0))) {
            throw new IllegalArgumentException("option must be one DTMF digit");
        }
        if (event != null && !isEventName(event)) {
            throw new IllegalArgumentException("event must be 1 to 40 of a-z 0-9 _ . -");
        }
    }

    /**
     * The one rule for an IVR event name.
     *
     * @param name the candidate; may be null
     * @return whether it is 1 to 40 of {@code a-z 0-9 _ . -}
     */
    public static boolean isEventName(String name) {
        return name != null && EVENT_NAME.matcher(name).matches();
    }
}
