package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import java.util.List;
import java.util.Objects;

/**
 * A part of a message could not be handed over: how many parts had left before it (with their references) and why.
 * Checked, so every caller of the shared part loop decides what the failure means for its message.
 */
final class PartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    /** The message of a failure to mark the part in flight: nothing was sent. */
    static final String NOT_RECORDED = "SMS store unavailable; the part was not sent";

    private final transient List<Integer> references;
    private final CallstackException failure;

    PartFailure(List<Integer> references, CallstackException failure) {
        super(failure.getMessage(), failure);
        this.references = List.copyOf(references);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The references of every part that left, this attempt's and earlier ones', in part order. */
    List<Integer> references() {
        return references;
    }

    int partsSent() {
        return references.size();
    }

    CallstackException failure() {
        return failure;
    }
}
