package dev.callstack.testkit.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The test's overrides, keyed by exact command text (or exact SMS payload): one-shot answers first, then persistent
 * ones; a delay and a drop flag apply to whatever the answer is.
 *
 * <p>Thread-safe.
 */
final class Script {
    /** The scripted part of an answer; {@code lines} is null when the default behaviour answers. */
    record Scripted(List<String> lines, Duration delay, boolean dropped) {
    }

    private final Map<String, List<String>> persistent = new HashMap<>();
    private final Map<String, ArrayDeque<List<String>>> once = new HashMap<>();
    private final Map<String, Duration> delays = new HashMap<>();
    private final Set<String> drops = new HashSet<>();
    // Whatever the PDU: the next answers to submitted payloads, then (while set) no answer at all.
    private final ArrayDeque<List<String>> submitAnswers = new ArrayDeque<>();
    private boolean holdSubmits;

    synchronized void respond(String command, List<String> lines) {
        persistent.put(Objects.requireNonNull(command, "command"), List.copyOf(lines));
    }

    synchronized void respondOnce(String command, List<String> lines) {
        once.computeIfAbsent(Objects.requireNonNull(command, "command"), k -> new ArrayDeque<>())
                .addLast(List.copyOf(lines));
    }

    synchronized void delay(String command, Duration delay) {
        Objects.requireNonNull(command, "command");
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        delays.put(command, delay);
    }

    synchronized void drop(String command) {
        drops.add(Objects.requireNonNull(command, "command"));
    }

    synchronized void answerNextSubmit(List<String> lines) {
        submitAnswers.addLast(List.copyOf(lines));
    }

    synchronized void holdSubmits(boolean hold) {
        holdSubmits = hold;
    }

    /** The scripted answer to a submitted payload, before any exact-payload script. */
    synchronized Scripted lookupSubmit(String pdu) {
        List<String> next = submitAnswers.pollFirst();
        if (next != null) {
            return new Scripted(next, Duration.ZERO, false);
        }
        if (holdSubmits) {
            return new Scripted(null, Duration.ZERO, true);
        }
        return lookup(pdu);
    }

    synchronized void clear() {
        submitAnswers.clear();
        holdSubmits = false;
        persistent.clear();
        once.clear();
        delays.clear();
        drops.clear();
    }

    synchronized Scripted lookup(String command) {
        if (drops.contains(command)) {
            return new Scripted(null, Duration.ZERO, true);
        }
        List<String> lines = null;
        ArrayDeque<List<String>> queued = once.get(command);
        if (queued != null) {
            lines = queued.pollFirst();
            if (queued.isEmpty()) {
                once.remove(command);
            }
        }
        if (lines == null) {
            lines = persistent.get(command);
        }
        return new Scripted(lines, delays.getOrDefault(command, Duration.ZERO), false);
    }
}
