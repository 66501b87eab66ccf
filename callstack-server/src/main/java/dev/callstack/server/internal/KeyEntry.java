package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import java.util.Objects;
import java.util.Set;

/** A key as read from a key file or the environment, before it is digested. {@link #toString()} hides the secret. */
public record KeyEntry(String secret, Set<Privilege> privileges) {
    public KeyEntry {
        Objects.requireNonNull(secret, "secret");
        privileges = Set.copyOf(Objects.requireNonNull(privileges, "privileges"));
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("API key must not be empty");
        }
    }

    @Override
    public String toString() {
        return "KeyEntry[secret=[redacted], privileges=" + privileges + "]";
    }
}
