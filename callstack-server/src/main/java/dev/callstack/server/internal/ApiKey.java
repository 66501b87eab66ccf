package dev.callstack.server.internal;

import java.util.Objects;

/**
 * A configured API key: only the SHA-256 digest of its bytes is kept, so the secret itself never sits in a log-able
 * object.
 *
 * @param id      position in the configuration (1-based), the only way logs name a key
 * @param digest  SHA-256 of the key's UTF-8 bytes
 * @param caller  what a request with this key may do
 */
@SuppressWarnings("ArrayRecordComponent") // the digest is compared in constant time by the registry, never by equals
record ApiKey(int id, byte[] digest, Caller caller) {
    ApiKey {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String toString() {
        return "ApiKey[#" + id + "]";
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
