package dev.callstack.realtime;

import java.util.Arrays;

/**
 * The hub's registered clients, copy-on-write: the fan-out iterates a stable snapshot while clients come and go, and
 * once closed the registry takes no one new.
 *
 * <p>Thread-safe: changes under this object's monitor (never held while calling a sink), reads lock-free.
 */
final class ClientRegistry {
    private static final ClientHandle[] NO_CLIENTS = new ClientHandle[0];

    private volatile ClientHandle[] clients = NO_CLIENTS;
    private boolean closed;

    /** The clients now; the array must not be changed. */
    ClientHandle[] current() {
        return clients;
    }

    /** Adds {@code client}; false once closed. */
    synchronized boolean add(ClientHandle client) {
        if (closed) {
            return false;
        }
        ClientHandle[] current = clients;
        ClientHandle[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = client;
        clients = next;
        return true;
    }

    /** Removes {@code client}; false when it was not registered. */
    synchronized boolean remove(ClientHandle client) {
        ClientHandle[] current = clients;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == client) {
                ClientHandle[] next = new ClientHandle[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                clients = next;
                return true;
            }
        }
        return false;
    }

    /** Closes the registry; the clients at that moment, or null when it was closed already. */
    synchronized ClientHandle[] close() {
        if (closed) {
            return null;
        }
        closed = true;
        return clients;
    }
}
