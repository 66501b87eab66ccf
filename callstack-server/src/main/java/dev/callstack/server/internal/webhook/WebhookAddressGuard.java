package dev.callstack.server.internal.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The SSRF guard: which webhook URLs the server may call. Only {@code http} and {@code https}; the host is resolved
 * and every address it resolves to must be public. Loopback, private (RFC 1918, {@code fc00::/7}), link-local,
 * CGNAT ({@code 100.64/10}) are refused unless private targets are allowed (LAN integrations such as Home
 * Assistant); unspecified, multicast, broadcast and the cloud metadata addresses are refused always.
 *
 * <p>It runs when a subscription is created and again before each attempt. A window remains between that second
 * check and the HTTP client's own resolution of the name (DNS rebinding: a hostile name server could answer a public
 * address to the check and a private one to the connect). Closing it needs connecting to the checked address itself
 * while keeping the name for TLS, which the JDK client does not offer.
 *
 * <p>Thread-safe (immutable; the resolver must be thread-safe).
 */
public final class WebhookAddressGuard {
    /** How a host name becomes addresses; the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * All addresses of {@code host}.
         *
         * @param host a name or a literal
         * @return at least one address
         * @throws UnknownHostException when it does not resolve
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** One forbidden block: {@code prefix} bits of {@code network}, and whether allow-private lifts it. */
    @SuppressWarnings("ArrayRecordComponent") // a constant table entry, never compared
    private record Block(byte[] network, int prefix, String reason, boolean privateUse) {
        static Block of(String cidr, String reason, boolean privateUse) {
            int slash = cidr.indexOf('/');
            try {
                // Literals only: getByName does no lookup for them.
                return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)), reason, privateUse);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /** Most specific first: the metadata addresses lie inside blocks that allow-private lifts. */
    private static final List<Block> BLOCKS = List.of(
            Block.of("169.254.169.254/32", "cloud metadata address", false),
            Block.of("fd00:ec2::254/128", "cloud metadata address", false),
            Block.of("0.0.0.0/8", "unspecified address", false),
            Block.of("::/128", "unspecified address", false),
            Block.of("224.0.0.0/4", "multicast address", false),
            Block.of("ff00::/8", "multicast address", false),
            Block.of("255.255.255.255/32", "broadcast address", false),
            Block.of("127.0.0.0/8", "loopback address", true),
            Block.of("::1/128", "loopback address", true),
            Block.of("10.0.0.0/8", "private address", true),
            Block.of("172.16.0.0/12", "private address", true),
            Block.of("192.168.0.0/16", "private address", true),
            Block.of("fc00::/7", "private address", true),
            Block.of("169.254.0.0/16", "link-local address", true),
            Block.of("fe80::/10", "link-local address", true),
            Block.of("100.64.0.0/10", "shared (CGNAT) address", true),
            // An IPv4 address inside IPv6: deprecated (RFC 4291), or translated by a NAT64 gateway (RFC 6052, 8215)
            // to whatever IPv4 address it embeds, loopback and private ones included. After ::/128 and ::1/128.
            Block.of("::/96", "IPv4-compatible address", false),
            Block.of("64:ff9b::/96", "NAT64 address", true),
            Block.of("64:ff9b:1::/48", "NAT64 address", true));

    private final boolean allowPrivate;
    private final Resolver resolver;

    /**
     * A guard.
     *
     * @param allowPrivate whether loopback, private, link-local and CGNAT targets are allowed
     * @param resolver     the name resolver
     */
    public WebhookAddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * A guard on the system resolver.
     *
     * @param allowPrivate whether private targets are allowed
     * @return the guard
     */
    public static WebhookAddressGuard system(boolean allowPrivate) {
        return new WebhookAddressGuard(allowPrivate, InetAddress::getAllByName);
    }

    /**
     * Checks {@code url} and resolves its host now.
     *
     * @param url the target
     * @return null when the server may call it, else the reason (fixed text, never the URL)
     */
    public String refusal(URI url) {
        String shape = shapeRefusal(url);
        if (shape != null) {
            return shape;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(hostOf(url));
        } catch (UnknownHostException | RuntimeException unresolved) {
            return "webhook host does not resolve";
        }
        if (addresses == null || addresses.length == 0) {
            return "webhook host does not resolve";
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                return "webhook URL resolves to a " + reason;
            }
        }
        return null;
    }

    /** The refusal for {@code address}, or null when it may be called. */
    String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return block.privateUse() && allowPrivate ? null : block.reason();
            }
        }
        return null;
    }

    /** Scheme, host, no credentials: what needs no lookup. */
    private static String shapeRefusal(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque()) {
            return "webhook URL must be an absolute http or https URL";
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "webhook URL must use http or https";
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return "webhook URL needs a host";
        }
        if (url.getRawUserInfo() != null) {
            return "webhook URL must not carry credentials";
        }
        if (url.getRawFragment() != null) {
            return "webhook URL must not carry a fragment";
        }
        return null;
    }

    private static String hostOf(URI url) {
        String host = url.getHost();
        // IPv6 literals come bracketed.
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
