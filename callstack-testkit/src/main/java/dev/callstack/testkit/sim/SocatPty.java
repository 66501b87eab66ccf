package dev.callstack.testkit.sim;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socat process joining two pseudo-terminals whose paths are symlinks {@code <dir>/host} and {@code <dir>/modem}.
 * Readiness is read from socat's own log ({@code -d -d}: "starting data transfer loop" follows the two
 * "PTY is" lines and the links), never guessed with sleeps. Stopping it hangs up both ttys, which ends blocked
 * reads on either side.
 *
 * <p>Thread-safe.
 */
final class SocatPty {
    private static final Logger log = LoggerFactory.getLogger(SocatPty.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final String READY_MARK = "starting data transfer loop";
    private static final int KEPT_LOG_LINES = 8;

    private final Path dir;
    private Process process;
    private Thread logReader;

    SocatPty(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator, -1)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "socat"))) {
                return true;
            }
        }
        return false;
    }

    Path hostLink() {
        return dir.resolve("host");
    }

    Path modemLink() {
        return dir.resolve("modem");
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts socat and returns once both ptys and links exist. */
    synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + hostLink(), "pty,raw,echo=0,link=" + modemLink());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process started = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(started, ready), "callstack-sim-socat-" + started.pid());
        reader.setDaemon(true);
        reader.start();
        process = started;
        logReader = reader;
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stop();
            throw new IOException("socat did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stop();
            throw new IOException("socat not ready within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("interrupted while starting socat", e);
        }
        if (!Files.exists(hostLink()) || !Files.exists(modemLink())) {
            stop();
            throw new IOException("socat reported ready but the pty links are missing in " + dir);
        }
        log.debug("socat pty pair ready (pid {})", started.pid());
    }

    private static void readLog(Process socat, CompletableFuture<Void> ready) {
        ArrayDeque<String> last = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (last.size() == KEPT_LOG_LINES) {
                    last.removeFirst();
                }
                last.addLast(line);
                if (line.contains(READY_MARK)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // The process is gone; the future below says so.
        }
        ready.completeExceptionally(new IOException("socat exited: " + String.join(" | ", last)));
    }

    /** Stops socat (its ptys hang up and it removes the links); waits boundedly for it and its log reader. */
    synchronized void stop() {
        Process running = process;
        Thread reader = logReader;
        process = null;
        logReader = null;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(2, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(2, TimeUnit.SECONDS);
            }
            if (reader != null) {
                reader.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    /** Stops socat and removes the directory. */
    synchronized void destroy() {
        stop();
        try {
            Files.deleteIfExists(hostLink());
            Files.deleteIfExists(modemLink());
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("Could not delete pty directory: {}", e.getClass().getSimpleName());
        }
    }
}
