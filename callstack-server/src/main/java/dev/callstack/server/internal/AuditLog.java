package dev.callstack.server.internal;

import io.netty.handler.codec.http.HttpMethod;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one INFO line on the logger {@value #LOGGER} for every state-changing request (POST, PUT, PATCH,
 * DELETE), refused or not, saying who (the key's position, {@code key#2}; {@code no-auth} on a server without
 * keys; {@code unauthenticated} when no key was accepted), what (method and route label), the outcome status and
 * the message id when there is one. Never a number, a body, a USSD code or a key: the route label, not the URI,
 * because a query string may carry anything.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditLog {
    /** The dedicated logger name, so operators can route the trail to its own file. */
    static final String LOGGER = "dev.callstack.server.audit";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private AuditLog() {
    }

    /** Logs the line when {@code method} changes state; {@code caller} is null when no key was accepted. */
    static void record(HttpMethod method, String routeLabel, Caller caller, int status, OptionalLong messageId) {
        if (!STATE_CHANGING.contains(method)) {
            return;
        }
        String who = caller == null ? "unauthenticated" : caller.keyId() == 0 ? "no-auth" : "key#" + caller.keyId();
        if (messageId.isPresent()) {
            log.info("{} {} {} -> {} message {}", who, method.name(), routeLabel, status, messageId.getAsLong());
        } else {
            log.info("{} {} {} -> {}", who, method.name(), routeLabel, status);
        }
    }
}
