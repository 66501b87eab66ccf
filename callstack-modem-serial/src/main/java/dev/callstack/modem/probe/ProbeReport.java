package dev.callstack.modem.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ModemProbe} learned from one port. Answers may hold the IMEI ({@code ATI} on some modems): show them
 * to the operator who asked, never log them.
 *
 * @param target  the port path or {@code tcp://host:port}
 * @param access  whether the port could be opened
 * @param detail  why it could not (an error text without anything secret), or null
 * @param answers one per command sent, in order; empty when the port did not open
 */
public record ProbeReport(String target, PortAccess access, String detail, List<ProbeAnswer> answers) {
    /**
     * Validates and copies.
     *
     * @param target  the port path or address
     * @param access  whether the port could be opened
     * @param detail  why not, or null
     * @param answers the answers in order
     */
    public ProbeReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(access, "access");
        answers = List.copyOf(answers);
    }

    /**
     * The answer to {@code command}, if it was sent.
     *
     * @param command e.g. {@code AT+CPIN?}
     * @return its answer
     */
    public Optional<ProbeAnswer> answer(String command) {
        return answers.stream().filter(a -> a.command().equals(command)).findFirst();
    }

    /**
     * Whether the modem answered plain {@code AT} with {@code OK}.
     *
     * @return true for a talking AT interface
     */
    public boolean answersAt() {
        return answer("AT").map(a -> a.result() == ProbeAnswer.Result.OK).orElse(false);
    }
}
