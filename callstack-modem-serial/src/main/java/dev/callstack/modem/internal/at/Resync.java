package dev.callstack.modem.internal.at;

import java.time.Duration;
import java.util.List;

/**
 * What the executor sends after a timed-out command to get back in step with the modem: ESC (it cancels a pending
 * {@code > } prompt and the line typed so far), then probe commands, one per round, until one is answered. The late
 * tail of the timed-out answer (the rest of a slow {@code +CMGL} list, its final {@code OK}) must never complete
 * the next command. A bare {@code AT} cannot tell its own {@code OK} from that late one, so every probe is a
 * standard query with a prefixed answer, and each round's probe has a different prefix: everything before the
 * round's own answer line is the late tail (discarded by {@link ResponseMatcher}) or a URC, including the answer
 * to an earlier round's probe that itself arrived late.
 *
 * <p>Not thread-safe; confined to the engine thread.
 */
final class Resync {
    static final byte[] ESC = {0x1B};
    /** Queries every 27.005/27.007 modem answers, whatever the SIM state: one per round, each its own prefix. */
    private static final List<AtCommand> PROBES = List.of(
            AtCommand.query("AT+CPIN?", "+CPIN:"),
            AtCommand.query("AT+CSQ", "+CSQ:"),
            AtCommand.query("AT+CMGF?", "+CMGF:"));

    private int round = -1;

    /** The first round's probe, for the command that just timed out; its timeout is {@link #timeout}. */
    AtCommand first() {
        round = 0;
        return PROBES.get(0);
    }

    /** After an unanswered probe: the next round's probe, or null when every round went unanswered. */
    AtCommand next() {
        round++;
        return round < PROBES.size() ? PROBES.get(round) : null;
    }

    /** The probe waits no longer than the timed-out command did, nor longer than the default. */
    static Duration timeout(AtCommand timedOut, Duration defaultTimeout) {
        Duration own = timedOut.timeout();
        return own != null && own.compareTo(defaultTimeout) < 0 ? own : defaultTimeout;
    }

    /**
     * Whether a command that timed out after some answer lines may be taken as answered: only a single-line query
     * (some phones answer {@code AT+CPIN?} without a final {@code OK}). A list or a PDU read that stopped half-way is
     * not complete, and a send is never assumed done.
     */
    static boolean answeredWithoutFinal(PendingCommand p) {
        return p.answers > 0 && !p.awaitingPrompt && p.command.promptPayload() == null
                && p.command.maxAnswers() == 1 && !p.command.answerIsPdu();
    }
}
