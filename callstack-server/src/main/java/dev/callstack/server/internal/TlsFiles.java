package dev.callstack.server.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the server's TLS certificate and key live, and how often they are checked for changes (a renewal).
 *
 * @param certificate    PEM file: the server certificate, then any intermediates (certbot's {@code fullchain.pem})
 * @param privateKey     PEM file: the certificate's unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 * @param reloadInterval how often the files are read and compared with the ones in use
 */
public record TlsFiles(Path certificate, Path privateKey, Duration reloadInterval) {
    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("reloadInterval must be positive");
        }
    }
}
