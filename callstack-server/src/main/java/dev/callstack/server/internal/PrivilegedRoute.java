package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A route only keys with {@code privilege} may use; any other caller gets 403 before the route runs.
 *
 * <p>Thread-safe when the wrapped route is.
 */
final class PrivilegedRoute implements Route {
    private final Privilege privilege;
    private final Route route;

    PrivilegedRoute(Privilege privilege, Route route) {
        this.privilege = Objects.requireNonNull(privilege, "privilege");
        this.route = Objects.requireNonNull(route, "route");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        if (!request.caller().has(privilege)) {
            return CompletableFuture.completedFuture(ErrorBody.missingPrivilege(privilege.wireName()));
        }
        return route.handle(request);
    }
}
