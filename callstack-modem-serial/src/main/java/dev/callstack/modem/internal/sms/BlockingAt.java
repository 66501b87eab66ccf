package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an AT command and waits for its answer, turning every failure into a {@link CallstackException}. For the SMS
 * service's own threads only: never call it on the engine thread.
 *
 * <p>Thread-safe.
 */
final class BlockingAt {
    /** The channel times every command out itself; this only guards against a future nobody completes. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);

    /** {@code +CMS ERROR: 322}, "memory full" (3GPP TS 27.005 3.2.5): the storage must be emptied. */
    static final int MEMORY_FULL = 322;

    private final AtChannel at;
    private final Runnable memoryFull;

    BlockingAt(AtChannel at) {
        this(at, () -> { });
    }

    /** @param memoryFull told (on the calling thread) whenever an SMS command was answered {@code +CMS ERROR: 322} */
    BlockingAt(AtChannel at, Runnable memoryFull) {
        this.at = Objects.requireNonNull(at, "at");
        this.memoryFull = Objects.requireNonNull(memoryFull, "memoryFull");
    }

    AtResponse call(AtCommand command) {
        Duration wait = (command.timeout() == null ? Duration.ofMinutes(2) : command.timeout()).plus(SAFETY_MARGIN);
        try {
            return at.execute(command).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModemRejectedException re && re.code().orElse(-1) == MEMORY_FULL
                    && re.getMessage().contains("+CMS ERROR")) {
                memoryFull.run();
            }
            if (cause instanceof CallstackException ce) {
                throw ce;
            }
            throw new ModemUnavailableException("AT command failed: " + cause.getClass().getSimpleName(), cause);
        } catch (TimeoutException e) {
            throw new ModemTimeoutException("modem did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModemUnavailableException("interrupted while waiting for the modem");
        }
    }
}
