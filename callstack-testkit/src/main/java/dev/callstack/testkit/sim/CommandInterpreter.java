package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;

/**
 * Turns what a link received into the modem's {@link SimReply}: the test's {@link Script} first, the default
 * {@link ModemBehaviour} second. SMS payloads are recorded in {@link #sentPdus()} whatever the answer (the newest
 * {@link AtModemSimulator#HISTORY_LIMIT}).
 *
 * <p>Thread-safe.
 */
final class CommandInterpreter {
    private final Script script;
    private final ModemBehaviour behaviour;
    private final BoundedHistory<String> sentPdus;

    CommandInterpreter(Script script, ModemBehaviour behaviour, int historyLimit) {
        this.script = Objects.requireNonNull(script, "script");
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.sentPdus = new BoundedHistory<>(historyLimit);
    }

    SimReply command(String line) {
        Script.Scripted scripted = script.lookup(line);
        if (scripted.dropped()) {
            return SimReply.drop();
        }
        SimReply reply = scripted.lines() != null ? SimReply.of(scripted.lines()) : behaviour.command(line);
        return reply.delayed(scripted.delay());
    }

    SimReply payload(String pdu, int declaredLength) {
        sentPdus.add(pdu);
        Script.Scripted scripted = script.lookupSubmit(pdu);
        if (scripted.dropped()) {
            return SimReply.drop();
        }
        SimReply reply = scripted.lines() != null ? SimReply.of(scripted.lines()) : behaviour.submit(pdu, declaredLength);
        return reply.delayed(scripted.delay());
    }

    SimReply payloadCancelled() {
        return SimReply.ok();
    }

    List<String> sentPdus() {
        return sentPdus.snapshot();
    }
}
