package dev.callstack.modem.internal.at;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One AT command and what its answer looks like, so the executor can tell answer lines from unsolicited ones.
 *
 * @param text            the command without the trailing CR, e.g. {@code AT+CSQ}
 * @param answerPrefixes  prefixes of the lines that belong to the answer (e.g. {@code +CSQ:}); empty when the
 *                        command answers with a bare final result
 * @param maxAnswers      how many prefixed lines belong to the answer; a further one is a URC
 * @param answerIsPdu     each prefixed line is followed by a PDU line that belongs to the answer too
 *                        ({@code +CMGR}, {@code +CMGL})
 * @param freeText        the answer is unprefixed free text ({@code AT+CGMI}): any line that is not a known URC
 *                        belongs to it
 * @param dial            {@code BUSY}/{@code NO CARRIER}/{@code NO ANSWER}/{@code NO DIALTONE} end this command
 *                        ({@code ATD}, {@code ATA})
 * @param promptPayload   sent after the {@code > } prompt and terminated with Ctrl-Z ({@code AT+CMGS}), or null
 * @param timeout         how long the whole exchange may take, or null for the executor's default
 * @param answerFilter    further test a prefixed line must pass to count as the answer (null: any)
 */
public record AtCommand(String text, List<String> answerPrefixes, int maxAnswers, boolean answerIsPdu,
                        boolean freeText, boolean dial, String promptPayload, Duration timeout,
                        Predicate<String> answerFilter) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public AtCommand {
        Objects.requireNonNull(text, "text");
        answerPrefixes = List.copyOf(Objects.requireNonNull(answerPrefixes, "answerPrefixes"));
        if (!text.regionMatches(true, 0, "AT", 0, 2)) {
            throw new IllegalArgumentException("command must start with AT");
        }
        if (containsControl(text)) {
            throw new IllegalArgumentException("command must not contain control characters");
        }
        if (promptPayload != null && containsControl(promptPayload)) {
            throw new IllegalArgumentException("payload must not contain control characters");
        }
        if (maxAnswers < 0) {
            throw new IllegalArgumentException("maxAnswers must not be negative");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A command answered by a final result only ({@code ATE0}, {@code AT+CMEE=1}). */
    public static AtCommand simple(String text) {
        return new AtCommand(text, List.of(), 0, false, false, false, null, null, null);
    }

    /** A command whose answer is exactly one line starting with {@code prefix} (e.g. {@code AT+CSQ}, {@code +CSQ:}). */
    public static AtCommand query(String text, String prefix) {
        return new AtCommand(text, List.of(prefix), 1, false, false, false, null, null, null);
    }

    /** A command answered by any number of lines starting with {@code prefix}. */
    public static AtCommand list(String text, String prefix) {
        return new AtCommand(text, List.of(prefix), UNLIMITED, false, false, false, null, null, null);
    }

    /** A read whose prefixed header lines are each followed by a PDU line ({@code AT+CMGR=n}, {@code AT+CMGL=4}). */
    public static AtCommand pduRead(String text, String prefix, int maxEntries) {
        return new AtCommand(text, List.of(prefix), maxEntries, true, false, false, null, null, null);
    }

    /** A command answered by free text lines ({@code AT+CGMI}, {@code AT+CGMR}). */
    public static AtCommand freeText(String text) {
        return new AtCommand(text, List.of(), 0, false, true, false, null, null, null);
    }

    /** {@code ATD...;} or {@code ATA}: the call progress results are final too. */
    public static AtCommand dial(String text) {
        return new AtCommand(text, List.of(), 0, false, false, true, null, null, null);
    }

    /**
     * The prompt flow: {@code text} (e.g. {@code AT+CMGS=23}), wait for {@code > }, send {@code payload} + Ctrl-Z,
     * then the answer is one line starting with {@code prefix} and a final result.
     */
    public static AtCommand withPrompt(String text, String payload, String prefix) {
        Objects.requireNonNull(payload, "payload");
        return new AtCommand(text, List.of(prefix), 1, false, false, false, payload, null, null);
    }

    public AtCommand withTimeout(Duration newTimeout) {
        return new AtCommand(text, answerPrefixes, maxAnswers, answerIsPdu, freeText, dial, promptPayload,
                Objects.requireNonNull(newTimeout, "timeout"), answerFilter);
    }

    public AtCommand withAnswerFilter(Predicate<String> filter) {
        return new AtCommand(text, answerPrefixes, maxAnswers, answerIsPdu, freeText, dial, promptPayload, timeout,
                Objects.requireNonNull(filter, "filter"));
    }

    boolean isAnswer(String line) {
        for (String prefix : answerPrefixes) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return answerFilter == null || answerFilter.test(line);
            }
        }
        return false;
    }

    boolean isEcho(String line) {
        String trimmed = line.strip();
        return trimmed.equalsIgnoreCase(text) || (promptPayload != null && trimmed.startsWith(promptPayload));
    }

    @Override
    public String toString() {
        return "AtCommand[" + AtLogRedactor.command(text) + (promptPayload == null ? "" : " +payload("
                + promptPayload.length() + ")") + "]";
    }

    private static boolean containsControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
