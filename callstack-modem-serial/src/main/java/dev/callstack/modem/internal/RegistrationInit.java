package dev.callstack.modem.internal;

import dev.callstack.core.Registration;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.internal.urc.RegistrationParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registration part of init: enables the registration URCs of every domain ({@code AT+CREG=2},
 * {@code AT+CGREG=2}, {@code AT+CEREG=2}, {@code AT+C5GREG=2}) and reads each ({@code AT+CREG?}...), then the
 * operator. Every command is optional: a 2G modem refuses {@code +CEREG}, most refuse {@code +C5GREG}. What the
 * answers say goes to the {@link NetworkMonitor}, which combines the domains.
 *
 * <p>Not thread-safe; confined to the lifecycle worker thread.
 */
final class RegistrationInit {
    /** Runs a command whose refusal init tolerates; throws only when the link is lost. */
    @FunctionalInterface
    interface OptionalCommand {
        Optional<AtResponse> run(AtCommand command) throws InitException, InterruptedException;
    }

    private static final List<String> DOMAINS = List.of("CREG", "CGREG", "CEREG", "C5GREG");

    private final NetworkMonitor network;

    RegistrationInit(NetworkMonitor network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** {@code <n>=2}: URCs with location and {@code <AcT>}. Earlier reports are forgotten: init reads them anew. */
    void enableUrcs(OptionalCommand at) throws InitException, InterruptedException {
        network.forgetRegistrations();
        for (String domain : DOMAINS) {
            var unused = at.run(AtCommand.simple("AT+" + domain + "=2"));
        }
    }

    /** Reads every domain; the effective registration (unknown when no domain answered). */
    Registration query(OptionalCommand at) throws InitException, InterruptedException {
        for (String domain : DOMAINS) {
            String prefix = "+" + domain + ":";
            Optional<String> line = at.run(AtCommand.query("AT+" + domain + "?", prefix)
                    .withAnswerFilter(RegistrationParser::isAnswerShape)).flatMap(r -> r.first(prefix));
            line.ifPresent(l -> network.onRegistration(domain, RegistrationParser.stat(l), RegistrationParser.act(l)));
        }
        return network.registration().registration();
    }

    /** {@code AT+COPS?}: the operator's name (null if none), and its {@code <AcT>} for the monitor's fallback. */
    String operator(OptionalCommand at) throws InitException, InterruptedException {
        Optional<String> line = at.run(AtCommand.query("AT+COPS?", "+COPS:")).flatMap(r -> r.first("+COPS:"));
        line.ifPresent(l -> network.onOperatorAct(RegistrationParser.operatorAct(l)));
        return line.map(NetworkMonitor::parseOperator).orElse(null);
    }
}
