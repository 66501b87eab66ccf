package dev.callstack.modem.internal.at;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the executor sends after a timed-out command to get back in step with the modem: ESC (it cancels a pending
 * {@code > } prompt and the line typed so far), then probe commands, one per round, until one is answered. The late
 * tail of the timed-out answer (the rest of a slow {@code +CMGL} list, its final {@code OK}) must never complete
 * the next command. A bare {@code AT} cannot tell its own {@code OK} from that late one, so every probe is a
 * standard query with a prefixed answer: everything before the probe's own answer line is the late tail (discarded
 * by {@link ResponseMatcher}) or a URC.
 *
 * <p>A stalled modem may answer every probe late, after the host gave up on them: the queued probes come back as
 * {@code +CPIN: READY}/{@code OK}, {@code +CSQ: ..}/{@code OK}, ... So a stream whose rounds all went unanswered stays
 * <em>out of step</em>, and no caller's command is written on it: before the next one goes out, one more probe must
 * be answered ({@link #beforeCommand()}). No probe is sent while an earlier probe with the same answer prefix is
 * still unanswered (the pool is larger than one resync's rounds), so a late answer of an earlier probe can never be
 * taken for the current probe's: the modem answers in order, and the current probe's prefix occurs only in its own
 * answer. An answered probe proves every earlier one answered or lost, and clears the list. Only when every prefix
 * of the pool is outstanding (the modem ignored more probes than the pool holds) is the oldest forgotten and reused.
 * A guarding probe that goes unanswered fails the command it guards as timed out, so the caller is not kept waiting
 * and the executor's timeout count reaches "unresponsive".
 *
 * <p>Not thread-safe; confined to the engine thread.
 */
final class Resync {
    static final byte[] ESC = {0x1B};
    /** Rounds after one timed-out command before the stream is left out of step. */
    private static final int ROUNDS = 3;
    /**
     * Queries every 27.005/27.007 modem answers, whatever the SIM state, each with its own prefix. None is a URC
     * that means something else when it comes late ({@code +CFUN: 1} is a boot line, {@code +CREG:} a registration).
     */
    private static final List<AtCommand> PROBES = List.of(
            AtCommand.query("AT+CPIN?", "+CPIN:"),
            AtCommand.query("AT+CSQ", "+CSQ:"),
            AtCommand.query("AT+CMGF?", "+CMGF:"),
            AtCommand.query("AT+CMEE?", "+CMEE:"),
            AtCommand.query("AT+CSCS?", "+CSCS:"));

    /** Probes written whose answer was never seen, oldest first: their prefixes are not used again meanwhile. */
    private final ArrayDeque<AtCommand> unanswered = new ArrayDeque<>();
    private int round;
    private boolean inStep = true;
    private boolean guarding;

    /** The first round's probe, for the command that just timed out; its timeout is {@link #timeout}. */
    AtCommand first() {
        round = 0;
        inStep = false;
        guarding = false;
        return fresh();
    }

    /** After an unanswered probe: the next round's probe, or null when the stream is left out of step. */
    AtCommand next() {
        round++;
        return round < ROUNDS && !guarding ? fresh() : null;
    }

    /** Whether a caller's command may be written now: false after a resync whose every round went unanswered. */
    boolean inStep() {
        return inStep;
    }

    /** The one probe that must be answered before a caller's command goes out on a stream out of step. */
    AtCommand beforeCommand() {
        guarding = true;
        return fresh();
    }

    /**
     * Whether the probe that just went unanswered guarded a caller's command ({@link #beforeCommand()}): that
     * command then fails as timed out.
     */
    boolean guarding() {
        return guarding;
    }

    /** A probe was answered in step: every earlier probe was answered before it or is lost. */
    void answered() {
        unanswered.clear();
        inStep = true;
        guarding = false;
    }

    /** A new link: nothing from the old one can arrive on it. */
    void reset() {
        unanswered.clear();
        inStep = true;
        guarding = false;
    }

    private AtCommand fresh() {
        AtCommand probe = PROBES.stream().filter(p -> !unanswered.contains(p)).findFirst()
                .orElseGet(unanswered::peekFirst);
        unanswered.remove(probe);
        unanswered.addLast(probe);
        return probe;
    }

    /** The in-flight form of a probe: not a caller's command, its future unseen. */
    static PendingCommand probe(AtCommand command, Duration timeout) {
        PendingCommand probe = new PendingCommand(command.withTimeout(timeout), new CompletableFuture<>());
        probe.resync = true;
        return probe;
    }

    /** The probe waits no longer than the command it follows or guards, nor longer than the default. */
    static Duration timeout(AtCommand command, Duration defaultTimeout) {
        Duration own = command.timeout();
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
