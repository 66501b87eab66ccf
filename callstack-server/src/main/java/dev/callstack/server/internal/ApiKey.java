package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import java.util.Objects;
import java.util.Set;

/**
 * A configured API key: only the SHA-256 digest of its bytes is kept, so the secret itself never sits in a log-able
 * object.
 *
 * @param id         position in the configuration (1-based), the only way logs name a key
 * @param digest     SHA-256 of the key's UTF-8 bytes
 * @param privileges what the key unlocks
 */
record ApiKey(int id, byte[] digest, Set<Privilege> privileges) {
    ApiKey {
        Objects.requireNonNull(digest, "digest");
        privileges = Set.copyOf(Objects.requireNonNull(privileges, "privileges"));
    }

    boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    @Override
    public String toString() {
        return "ApiKey[#" + id + ", " + privileges + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
