package dev.callstack.testkit;

import dev.callstack.core.event.DtmfReceived;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The scripted caller's keypad in a {@link FakeCallSession}: the digits and time-outs the collects consume in order,
 * and the digits scripted for the next recording.
 *
 * <p>Not thread-safe; guarded by the owning session's lock.
 */
final class CallerKeypad {
    /** A queued time-out: the caller stays silent for one collect. */
    private static final Object SILENCE = new Object();

    private final ArrayDeque<Object> input = new ArrayDeque<>();
    private final StringBuilder pressedWhileRecording = new StringBuilder();

    void press(String digits) {
        checkDigits(digits);
        digits.chars().forEach(c -> input.addLast((char) c));
    }

    void pressWhileRecording(String digits) {
        checkDigits(digits);
        pressedWhileRecording.append(digits);
    }

    void staysSilent() {
        input.addLast(SILENCE);
    }

    /** Whether a digit (not a time-out) is next: one queued when a prompt starts barges in on it. */
    boolean digitWaiting() {
        return input.peekFirst() instanceof Character;
    }

    /** Queued digits up to {@code maxDigits}, the terminator (consumed, not returned) or a queued time-out. */
    String collect(int maxDigits, char terminator) {
        StringBuilder digits = new StringBuilder();
        while (digits.length() < maxDigits && !input.isEmpty()) {
            Object next = input.pollFirst();
            if (next == SILENCE) {
                break;
            }
            char digit = (Character) next;
            if (terminator != 0 && digit == terminator) {
                break;
            }
            digits.append(digit);
        }
        return digits.toString();
    }

    /**
     * A recording starts: the digits typed ahead (those before the first queued time-out) are discarded, as the real
     * session does; returns the digits scripted for during it, which are then no longer scripted.
     */
    String startRecording() {
        while (digitWaiting()) {
            input.pollFirst();
        }
        String during = pressedWhileRecording.toString();
        pressedWhileRecording.setLength(0);
        return during;
    }

    /** Digits pressed now go ahead of what was scripted for later. */
    void queueFirst(String digits) {
        for (int i = digits.length() - 1; i >= 0; i--) {
            input.addFirst(digits.charAt(i));
        }
    }

    /** The queued digits, without the time-outs. */
    String pendingDigits() {
        StringBuilder digits = new StringBuilder();
        input.forEach(o -> {
            if (o instanceof Character c) {
                digits.append(c.charValue());
            }
        });
        return digits.toString();
    }

    /** Queued digits and time-outs. */
    int pendingInputs() {
        return input.size();
    }

    private static void checkDigits(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> DtmfReceived.isDtmf((char) c))) {
            throw new IllegalArgumentException("press needs one or more DTMF digits (0-9 * # A-D)");
        }
    }
}
