package dev.callstack.testkit.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the modem answers to one command: framed lines, optionally the {@code "> "} prompt (then the link expects an
 * SMS payload of {@code promptLength} octets), lines sent asynchronously after the answer (such as the {@code +CUSD}
 * reply), a delay before answering, or no answer at all.
 */
record SimReply(List<String> lines, int promptLength, List<String> followUps, Duration delay, boolean dropped) {
    static final String OK = "OK";
    static final String ERROR = "ERROR";

    SimReply {
        lines = List.copyOf(lines);
        followUps = List.copyOf(followUps);
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
    }

    static SimReply of(String... lines) {
        return of(List.of(lines));
    }

    static SimReply of(List<String> lines) {
        return new SimReply(lines, -1, List.of(), Duration.ZERO, false);
    }

    static SimReply ok() {
        return of(OK);
    }

    static SimReply error() {
        return of(ERROR);
    }

    static SimReply prompt(int promptLength) {
        return new SimReply(List.of(), promptLength, List.of(), Duration.ZERO, false);
    }

    static SimReply drop() {
        return new SimReply(List.of(), -1, List.of(), Duration.ZERO, true);
    }

    boolean prompts() {
        return promptLength >= 0;
    }

    SimReply thenAsync(List<String> more) {
        return new SimReply(lines, promptLength, more, delay, dropped);
    }

    SimReply delayed(Duration by) {
        return new SimReply(lines, promptLength, followUps, by, dropped);
    }
}
