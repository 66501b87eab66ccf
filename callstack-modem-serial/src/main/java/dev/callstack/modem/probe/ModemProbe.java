package dev.callstack.modem.probe;

import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtCommandExecutor;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.internal.at.UnsolicitedHandler;
import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.link.SerialLink;
import dev.callstack.modem.internal.link.TcpConnector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a modem who it is and whether it can work, with read-only commands only: {@link #COMMANDS} is the whole
 * list, and nothing else is ever written to the port — no SMS, USSD, call, PIN, storage or setting command (not even
 * {@code ATE0}). After a timeout the AT engine resynchronises with {@code AT+CPIN?}, which is on the list too.
 * Used by {@code callstack doctor}.
 *
 * <p>Stateless; each {@link #probe} opens and closes its own link and engine thread.
 */
public final class ModemProbe {
    /** Every command a probe may send, in the order sent. Each one only reads. */
    public static final List<String> COMMANDS = List.of("AT", "ATI", "AT+CGMI", "AT+CGMM", "AT+CGMR", "AT+CPIN?",
            "AT+CSQ", "AT+CREG?", "AT+CGREG?", "AT+CEREG?", "AT+COPS?", "AT+CPMS?", "AT+CNMI=?", "AT+CMGF=?");

    /** {@code AT} is tried this often: modems with auto-bauding (SIM800) need a first one to lock the rate. */
    private static final int AT_ATTEMPTS = 3;
    private static final int BAUD_RATE = 115_200;

    private final Duration commandTimeout;

    /**
     * A probe that waits {@code commandTimeout} for each answer.
     *
     * @param commandTimeout per-command wait; 2 s suits a USB modem, more a slow ser2net link
     */
    public ModemProbe(Duration commandTimeout) {
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
    }

    /**
     * Opens {@code target}, sends {@link #COMMANDS} (stopping after {@code AT} when nothing answers) and closes it.
     *
     * @param target a device path ({@code /dev/ttyUSB2}, {@code /dev/serial/by-id/...}) or {@code tcp://host:port}
     * @return what the port said; never throws for a port that cannot be opened or does not answer
     * @throws InterruptedException if interrupted while waiting for an answer
     */
    public ProbeReport probe(String target) throws InterruptedException {
        Objects.requireNonNull(target, "target");
        Link link;
        try {
            link = open(target);
        } catch (AccessException refused) {
            return new ProbeReport(target, refused.access, refused.getMessage(), List.of());
        }
        ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "callstack-probe");
            thread.setDaemon(true);
            return thread;
        });
        AtCommandExecutor executor = new AtCommandExecutor(engine, UnsolicitedHandler.NONE, new QuietListener(),
                commandTimeout, COMMANDS.size() + AT_ATTEMPTS, Integer.MAX_VALUE);
        try {
            executor.attach(link);
            return new ProbeReport(target, PortAccess.OPENED, null, converse(executor));
        } finally {
            executor.detachAll(new ModemUnavailableException("probe finished"));
            engine.shutdown();
            engine.awaitTermination(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            link.close();
        }
    }

    private List<ProbeAnswer> converse(AtCommandExecutor executor) throws InterruptedException {
        List<ProbeAnswer> answers = new ArrayList<>();
        ProbeAnswer at = null;
        for (int attempt = 0; attempt < AT_ATTEMPTS && (at == null || at.result() != ProbeAnswer.Result.OK);
                attempt++) {
            at = send(executor, "AT");
        }
        answers.add(at);
        if (at.result() != ProbeAnswer.Result.OK) {
            return answers;
        }
        for (String command : COMMANDS.subList(1, COMMANDS.size())) {
            ProbeAnswer answer = send(executor, command);
            answers.add(answer);
            if (answer.result() == ProbeAnswer.Result.LINK_LOST) {
                break;
            }
        }
        return answers;
    }

    private ProbeAnswer send(AtCommandExecutor executor, String text) throws InterruptedException {
        AtCommand command = shape(text).withTimeout(commandTimeout);
        try {
            AtResponse response = executor.execute(command)
                    .get(commandTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new ProbeAnswer(text, ProbeAnswer.Result.OK, response.lines(), response.finalLine());
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ModemRejectedException rejected) {
                return new ProbeAnswer(text, ProbeAnswer.Result.ERROR, List.of(), rejected.getMessage());
            }
            if (cause instanceof ModemTimeoutException) {
                return new ProbeAnswer(text, ProbeAnswer.Result.TIMEOUT, List.of(), null);
            }
            return new ProbeAnswer(text, ProbeAnswer.Result.LINK_LOST, List.of(), null);
        } catch (TimeoutException late) {
            return new ProbeAnswer(text, ProbeAnswer.Result.TIMEOUT, List.of(), null);
        }
    }

    /** How each allowed command's answer looks, so the executor can tell it from unsolicited lines. */
    private static AtCommand shape(String text) {
        return switch (text) {
            case "AT" -> AtCommand.simple(text);
            case "ATI", "AT+CGMI", "AT+CGMM", "AT+CGMR" -> AtCommand.freeText(text);
            default -> {
                int end = text.length();
                for (char c : new char[] {'?', '='}) {
                    int at = text.indexOf(c);
                    end = at >= 0 ? Math.min(end, at) : end;
                }
                String name = text.substring(2, end);
                yield AtCommand.query(text, name + ":");
            }
        };
    }

    private static Link open(String target) throws AccessException {
        if (target.startsWith("tcp://")) {
            URI uri = URI.create(target);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new AccessException(PortAccess.FAILED, "expected tcp://host:port");
            }
            try {
                return TcpConnector.connect(uri.getHost(), uri.getPort(), Duration.ofSeconds(5));
            } catch (IOException e) {
                throw new AccessException(PortAccess.FAILED, "cannot connect to " + target + ": " + e.getMessage());
            }
        }
        Path device = Path.of(target);
        if (!Files.exists(device)) {
            throw new AccessException(PortAccess.NOT_FOUND, target + " does not exist");
        }
        if (!Files.isReadable(device) || !Files.isWritable(device)) {
            throw new AccessException(PortAccess.PERMISSION_DENIED, "this user may not open " + target);
        }
        try {
            return SerialLink.open(target, BAUD_RATE);
        } catch (IOException e) {
            // Readable and writable yet refused: jSerialComm opens exclusively, so another process holds it.
            throw new AccessException(PortAccess.BUSY, e.getMessage());
        }
    }

    private static final class AccessException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient PortAccess access;

        AccessException(PortAccess access, String message) {
            super(message);
            this.access = access;
        }
    }

    /** Timeouts are reported per answer instead. */
    private static final class QuietListener implements AtCommandExecutor.Listener {
        @Override
        public void onLinkLost(long sessionId, String reason) {
            // Shows up as LINK_LOST on the pending answer.
        }

        @Override
        public void onUnresponsive(long sessionId, int consecutiveTimeouts) {
            // Shows up as TIMEOUT on each answer.
        }
    }
}
