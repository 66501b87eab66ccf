package dev.callstack.server.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one answer to "is the listen address loopback?", which decides whether {@code --no-auth} is allowed, whether
 * the Host allow-list applies by default, and whether plain HTTP deserves a warning. Stateless.
 */
final class LoopbackHost {
    private LoopbackHost() {
    }

    /**
     * Whether every address {@code host} resolves to is a loopback address. A name that does not resolve counts as
     * not loopback: the stricter rules then apply (and the bind will fail anyway).
     */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            boolean loopback = addresses.length > 0;
            for (InetAddress address : addresses) {
                loopback &= address.isLoopbackAddress();
            }
            return loopback;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
