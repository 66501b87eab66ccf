package dev.callstack.server.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at startup whether the server may run with the keys it was given: authentication fails closed. No keys
 * is only allowed with an explicit {@code --no-auth}, and that only on loopback; {@code --no-auth} next to keys is a
 * contradiction. Logs each key by position with its privileges and limits (never the key).
 *
 * <p>Stateless.
 */
final class AuthPolicy {
    static final String NO_KEYS = "no API keys: create a key file with one '<key of at least "
            + KeyEntry.MIN_LENGTH + " characters> [privileges]' line (e.g. 'openssl rand -hex 24'), chmod 600, and "
            + "pass --api-key-file (or set CALLSTACK_API_KEYS), or pass --no-auth to run without authentication on "
            + "loopback";
    private static final Logger log = LoggerFactory.getLogger(AuthPolicy.class);

    private AuthPolicy() {
    }

    /** Throws {@link IllegalStateException} with a one-line reason when the server must not start. */
    static void check(ServerSettings settings, int keyCount) {
        if (settings.noAuth()) {
            if (keyCount > 0) {
                throw new IllegalStateException("--no-auth and API keys together: drop one of them");
            }
            if (!LoopbackHost.isLoopback(settings.host())) {
                throw new IllegalStateException("refusing --no-auth on " + settings.host()
                        + ": without authentication the server listens on loopback only (e.g. 127.0.0.1)");
            }
            log.warn("AUTHENTICATION OFF (--no-auth): any local process may send SMS and USSD through this server; "
                    + "configure API keys before exposing it");
            return;
        }
        if (keyCount == 0) {
            throw new IllegalStateException(NO_KEYS);
        }
        logKeys(settings.keys());
    }

    private static void logKeys(List<KeyEntry> keys) {
        for (int i = 0; i < keys.size(); i++) {
            log.info("API key #{}: {}", i + 1, keys.get(i).describe());
        }
    }

}
