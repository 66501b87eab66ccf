package dev.callstack.server.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The address a per-client limit counts under: one host's whole reach, not one of its addresses. Any IPv4 loopback
 * address is the same machine ({@code 127.0.0.2} must not start a fresh budget), and an IPv6 client is routinely
 * given a whole {@code /64} (privacy addresses rotate within it), so it counts as one. Pure.
 *
 * <p>Stateless and thread-safe.
 */
final class AddressBucket {
    private static final int IPV6_PREFIX_BYTES = 8;

    private AddressBucket() {
    }

    /** The representative address of {@code address}'s bucket. */
    static InetAddress of(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return InetAddress.getLoopbackAddress();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible); // 16 bytes are always an IPv6 address
            }
        }
        return address;
    }
}
