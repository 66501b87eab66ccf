package dev.callstack.modem.internal.at;

import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whom a line read while a command is in flight belongs to. A line in the middle of an answer is the answer's
 * only when the {@link AtCommand} says so (prefix, count, PDU, free text); a final result ends it; {@code ">"} is the
 * prompt a payload waits for; everything else is unsolicited. Answer lines are recorded on the
 * {@link PendingCommand}.
 *
 * <p>Stateless; the command it updates is confined to the engine thread.
 */
final class ResponseMatcher {
    private static final Logger log = LoggerFactory.getLogger(ResponseMatcher.class);

    /** What the executor does with the line. */
    enum Kind {
        /** Nothing: an echo, or a late final result the resync probe discards. */
        IGNORED,
        /** Nothing more: the line was recorded as part of the answer. */
        ANSWER,
        /** Finish the command with {@link Match#result()}. */
        FINAL,
        /** Send the command's payload. */
        PROMPT,
        /** Hand the line to the {@link UnsolicitedHandler}. */
        UNSOLICITED
    }

    /** The decision; {@code result} is set for {@link Kind#FINAL} only. */
    record Match(Kind kind, FinalResult result) {
        static final Match IGNORED = new Match(Kind.IGNORED, null);
        static final Match ANSWER = new Match(Kind.ANSWER, null);
        static final Match PROMPT = new Match(Kind.PROMPT, null);
        static final Match UNSOLICITED = new Match(Kind.UNSOLICITED, null);

        Match {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FINAL) != (result != null)) {
                throw new IllegalArgumentException("a final result goes with FINAL and only with it");
            }
        }

        static Match finalResult(FinalResult result) {
            return new Match(Kind.FINAL, result);
        }
    }

    private ResponseMatcher() {
    }

    /**
     * Classifies {@code line} for the in-flight command {@code p}, recording it on {@code p} when it is an answer
     * line. {@code isUnsolicited} recognises URCs, so a free-text answer does not swallow one.
     */
    static Match match(PendingCommand p, String line, Predicate<String> isUnsolicited) {
        if (p.command.isEcho(line)) {
            return Match.IGNORED;
        }
        if (p.resync) {
            return matchResync(p, line, isUnsolicited);
        }
        FinalResult result = FinalResult.parse(line, p.command.dial());
        if (result != null) {
            return Match.finalResult(result);
        }
        if (p.expectPdu) {
            p.expectPdu = false;
            p.lines.add(line);
            return Match.ANSWER;
        }
        if (p.awaitingPrompt && line.startsWith(">")) {
            return Match.PROMPT;
        }
        if (p.answers < p.command.maxAnswers() && p.command.isAnswer(line)) {
            p.answers++;
            p.lines.add(line);
            p.expectPdu = p.command.answerIsPdu() && !hasInlinePdu(line);
            return Match.ANSWER;
        }
        if (p.command.freeText() && !isUnsolicited.test(line)) {
            p.lines.add(line);
            return Match.ANSWER;
        }
        return Match.UNSOLICITED;
    }

    /**
     * The resync probe's answer is what proves the stream is in step: a final result before it is the late answer
     * of the timed-out command, and is discarded; so is any other line that is not a URC (the late tail of a slow
     * list), never to be taken for the next command's answer.
     */
    private static Match matchResync(PendingCommand p, String line, Predicate<String> isUnsolicited) {
        if (p.answers == 0 && p.command.isAnswer(line)) {
            p.answers++;
            return Match.ANSWER;
        }
        FinalResult result = FinalResult.parse(line, false);
        if (result != null) {
            if (p.answers == 0) {
                log.debug("Discarded a late final result of a timed-out command");
                return Match.IGNORED;
            }
            return Match.finalResult(result);
        }
        if (isUnsolicited.test(line)) {
            return Match.UNSOLICITED;
        }
        log.debug("Discarded a stray line ({} chars) while resynchronising", line.length());
        return Match.IGNORED;
    }

    private static boolean hasInlinePdu(String header) {
        int comma = header.lastIndexOf(',');
        return comma >= 0 && header.substring(comma + 1).strip().indexOf(' ') > 0;
    }
}
