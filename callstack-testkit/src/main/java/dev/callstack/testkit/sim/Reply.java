package dev.callstack.testkit.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the modem answers to one command: framed lines, optionally the {@code "> "} prompt (then the link expects an
 * SMS payload of {@code promptLength} octets), lines sent asynchronously after the answer (such as the {@code +CUSD}
 * reply), a delay before answering, or no answer at all.
 */
record Reply(List<String> lines, int promptLength, List<String> followUps, Duration delay, boolean dropped) {
    static final String OK = "OK";
    static final String ERROR = "ERROR";

    Reply {
        lines = List.copyOf(lines);
        followUps = List.copyOf(followUps);
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
    }

    static Reply of(String... lines) {
        return of(List.of(lines));
    }

    static Reply of(List<String> lines) {
        return new Reply(lines, -1, List.of(), Duration.ZERO, false);
    }

    static Reply ok() {
        return of(OK);
    }

    static Reply error() {
        return of(ERROR);
    }

    static Reply prompt(int promptLength) {
        return new Reply(List.of(), promptLength, List.of(), Duration.ZERO, false);
    }

    static Reply drop() {
        return new Reply(List.of(), -1, List.of(), Duration.ZERO, true);
    }

    boolean prompts() {
        return promptLength >= 0;
    }

    Reply thenAsync(List<String> more) {
        return new Reply(lines, promptLength, more, delay, dropped);
    }

    Reply delayed(Duration by) {
        return new Reply(lines, promptLength, followUps, by, dropped);
    }
}
