package dev.callstack.server.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS context for new connections, kept in step with the certificate and key files: a watcher thread reads both
 * files every {@link TlsFiles#reloadInterval()} and, when their content changed (a certbot renewal), swaps in a
 * context built from them. Connections already open keep the context they started with. A changed pair that does not
 * load (half-written, key and certificate from different renewals) keeps the current context and logs one WARN per
 * distinct problem; the next change is tried again.
 *
 * <p>Thread-safe: {@link #current()} from any thread; the check runs on the watcher thread only.
 */
final class ReloadingTlsContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadingTlsContext.class);

    private final TlsFiles files;
    private final ScheduledExecutorService watcher;
    private volatile SslContext current;
    /** Fingerprint of the files last tried (loaded or refused), so an unchanged pair is not rebuilt or re-logged. */
    private TlsContextLoader.Snapshot lastTried;
    private String lastProblem;

    private ReloadingTlsContext(TlsFiles files, TlsContextLoader.Snapshot snapshot, SslContext context) {
        this.files = files;
        this.current = context;
        this.lastTried = snapshot;
        this.watcher = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("callstack-tls-reload",
                true));
    }

    /** Loads the files (an {@link IllegalArgumentException} names a bad one) and starts watching them. */
    static ReloadingTlsContext start(TlsFiles files) {
        Objects.requireNonNull(files, "files");
        TlsContextLoader.Snapshot snapshot = TlsContextLoader.read(files.certificate(), files.privateKey());
        TlsContextLoader.Loaded loaded = TlsContextLoader.load(files.certificate(), files.privateKey(), snapshot);
        ReloadingTlsContext tls = new ReloadingTlsContext(files, snapshot, loaded.context());
        if (readableByOthers(files.privateKey())) {
            // Group read is left alone: Debian's ssl-cert group (0640) is the usual way to share a key with a service.
            log.warn("TLS private key {} is readable by any local user; restrict it with 'chmod 600'",
                    files.privateKey());
        }
        log.info("TLS on (TLS 1.2 and 1.3): certificate {} valid until {}; files checked for renewal every {} s",
                files.certificate(), expiry(loaded.certificate()), files.reloadInterval().toSeconds());
        long every = files.reloadInterval().toMillis();
        var unused = tls.watcher.scheduleWithFixedDelay(tls::checkForChange, every, every, TimeUnit.MILLISECONDS);
        return tls;
    }

    /** The context a connection accepted now must use. */
    SslContext current() {
        return current;
    }

    /** Reads the files and swaps the context when they changed and load; never throws (it would stop the watcher). */
    void checkForChange() {
        try {
            TlsContextLoader.Snapshot snapshot = TlsContextLoader.read(files.certificate(), files.privateKey());
            if (snapshot.sameFiles(lastTried)) {
                lastProblem = null; // readable again and unchanged: a later problem deserves a new WARN
                return;
            }
            lastTried = snapshot;
            TlsContextLoader.Loaded loaded = TlsContextLoader.load(files.certificate(), files.privateKey(), snapshot);
            current = loaded.context();
            lastProblem = null;
            log.info("TLS certificate reloaded from {}: valid until {}; new connections use it",
                    files.certificate(), expiry(loaded.certificate()));
        } catch (IllegalArgumentException problem) {
            if (!problem.getMessage().equals(lastProblem)) {
                lastProblem = problem.getMessage();
                log.warn("TLS files changed but do not load; new connections keep the current certificate: {}",
                        problem.getMessage());
            }
        } catch (RuntimeException unexpected) {
            log.warn("TLS reload check failed; new connections keep the current certificate", unexpected);
        }
    }

    private static boolean readableByOthers(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return false;
        }
    }

    private static String expiry(X509Certificate certificate) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        return notAfter.isBefore(Instant.now()) ? notAfter + " (EXPIRED)" : notAfter.toString();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
