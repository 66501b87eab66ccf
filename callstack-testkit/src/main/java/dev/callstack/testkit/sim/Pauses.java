package dev.callstack.testkit.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** The armed {@link AnswerPause}s by exact command text; each applies to one occurrence. Thread-safe. */
final class Pauses {
    private final Map<String, ArrayDeque<AnswerPause>> armed = new HashMap<>();

    synchronized void add(AnswerPause pause) {
        armed.computeIfAbsent(pause.command(), k -> new ArrayDeque<>()).addLast(pause);
    }

    /** The next pause armed for {@code command}, removed; null when none. */
    synchronized AnswerPause take(String command) {
        ArrayDeque<AnswerPause> queue = armed.get(command);
        if (queue == null) {
            return null;
        }
        AnswerPause next = queue.pollFirst();
        if (queue.isEmpty()) {
            armed.remove(command);
        }
        return next;
    }
}
