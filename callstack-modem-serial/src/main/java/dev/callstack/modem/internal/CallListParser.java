package dev.callstack.modem.internal;

import dev.callstack.core.event.CallState;
import java.util.List;
import java.util.Locale;

/**
 * Reads an {@code AT+CLCC} answer (27.007 7.18: {@code +CLCC: <id>,<dir>,<stat>,<mode>,<mpty>[,<number>,<type>]})
 * as the one call state it implies: no voice call is {@link CallState#IDLE}; otherwise the most advanced voice call
 * decides: active or held (stat 0/1) is {@link CallState#ACTIVE}, dialling or alerting (2/3) {@link CallState#DIALING},
 * incoming (4) {@link CallState#RINGING}. A waiting call (5) alone leaves the state as it is (null). Data and fax
 * calls (mode 1/2) are not ours. Never reads the number.
 *
 * <p>Pure.
 */
final class CallListParser {
    private static final int MODE_VOICE = 0;

    private CallListParser() {
    }

    /** The state the listed calls imply, or null when the answer does not decide it. */
    static CallState state(List<String> lines) {
        CallState best = CallState.IDLE;
        boolean onlyWaiting = false;
        for (String line : lines) {
            String s = line.strip();
            if (!s.toUpperCase(Locale.ROOT).startsWith("+CLCC:")) {
                continue;
            }
            String[] fields = s.substring(6).split(",", 6);
            if (fields.length < 4 || integer(fields[3]) != MODE_VOICE) {
                continue;
            }
            CallState listed = switch (integer(fields[2])) {
                case 0, 1 -> CallState.ACTIVE;
                case 2, 3 -> CallState.DIALING;
                case 4 -> CallState.RINGING;
                case 5 -> null;
                default -> CallState.IDLE;
            };
            if (listed == null) {
                onlyWaiting = best == CallState.IDLE;
            } else if (rank(listed) > rank(best)) {
                best = listed;
                onlyWaiting = false;
            }
        }
        return onlyWaiting ? null : best;
    }

    /** Whether a voice call is listed as active or held (stat 0/1): a call that is still up, whatever else waits. */
    static boolean connected(List<String> lines) {
        for (String line : lines) {
            String s = line.strip();
            if (!s.toUpperCase(Locale.ROOT).startsWith("+CLCC:")) {
                continue;
            }
            String[] fields = s.substring(6).split(",", 6);
            if (fields.length >= 4 && integer(fields[3]) == MODE_VOICE) {
                int stat = integer(fields[2]);
                if (stat == 0 || stat == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int rank(CallState state) {
        return switch (state) {
            case ACTIVE -> 3;
            case DIALING -> 2;
            case RINGING -> 1;
            default -> 0;
        };
    }

    private static int integer(String field) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
