package dev.callstack.server.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a browser may make this server do, decided from a request's headers alone: the {@code Host} allow-list (DNS
 * rebinding), the {@code Origin} and {@code Sec-Fetch-Site} checks (cross-site requests and cross-site WebSocket
 * hijacking), and {@code Content-Type: application/json} on requests with a body (HTML forms cannot send it, and a
 * cross-origin {@code fetch} that does must pass a CORS preflight this server never grants). Requests without
 * {@code Origin} and {@code Sec-Fetch-Site} (curl, backends, the JDK client) are judged on {@code Host} and
 * {@code Content-Type} only. Pure: no I/O, no logging.
 *
 * <p>Immutable and thread-safe.
 */
final class CrossSitePolicy {
    static final String UNKNOWN_HOST = "unknown host";
    static final String ORIGIN_NOT_ALLOWED = "origin not allowed";
    static final String NOT_JSON = "Content-Type must be application/json";
    static final String REASON_HOST = "host";
    static final String REASON_ORIGIN = "origin";
    static final String REASON_FETCH_SITE = "fetch_site";
    static final String REASON_CONTENT_TYPE = "content_type";
    static final List<String> REASONS = List.of(REASON_HOST, REASON_ORIGIN, REASON_FETCH_SITE, REASON_CONTENT_TYPE);
    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<HttpMethod> ALWAYS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /**
     * Why a request was refused.
     *
     * @param reason the metrics label
     * @param reply  the answer
     */
    record Refusal(String reason, HttpReply reply) {
    }

    private final boolean checkHost;
    /** Lower-case host names, or {@code name:port} for an entry that named a port. */
    private final Set<String> allowedHosts;
    /** Canonical {@code scheme://host:port}. */
    private final Set<String> allowedOrigins;

    /**
     * Builds the policy.
     *
     * @param loopbackListener whether the server listens on a loopback address only (the {@code Host} check is then
     *                         always on; elsewhere it is on when {@code allowedHosts} is not empty)
     * @param allowedHosts     more accepted {@code Host} names, each optionally with {@code :port}
     * @param allowedOrigins   accepted {@code Origin}s besides the server's own, as {@code http[s]://host[:port]}
     * @throws IllegalArgumentException for an entry that is not a host name or an origin
     */
    CrossSitePolicy(boolean loopbackListener, List<String> allowedHosts, List<String> allowedOrigins) {
        Set<String> hosts = new HashSet<>(LOOPBACK_NAMES);
        for (String entry : allowedHosts) {
            HostPort host = HostPort.parse(entry.trim());
            if (host == null) {
                throw new IllegalArgumentException("--allowed-hosts: '" + entry + "' is not a host name");
            }
            hosts.add(host.port() < 0 ? host.host() : host.host() + ":" + host.port());
        }
        Set<String> origins = new HashSet<>();
        for (String entry : allowedOrigins) {
            String origin = canonicalOrigin(entry.trim());
            if (origin == null) {
                throw new IllegalArgumentException("--allowed-origins: '" + entry
                        + "' is not an origin such as https://app.example.com");
            }
            origins.add(origin);
        }
        this.checkHost = loopbackListener || !allowedHosts.isEmpty();
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedOrigins = Set.copyOf(origins);
    }


    /** Null when the request may go on, else why not. {@code tls}: whether it came over HTTPS. */
    Refusal check(HttpMethod method, HttpHeaders headers, boolean tls) {
        List<String> hostHeaders = headers.getAll(HttpHeaderNames.HOST);
        if (hostHeaders.size() > 1 || (checkHost && hostHeaders.size() == 1 && !hostAllowed(hostHeaders.get(0)))) {
            return new Refusal(REASON_HOST, ErrorBody.reply(421, UNKNOWN_HOST));
        }
        List<String> origins = headers.getAll(HttpHeaderNames.ORIGIN);
        // The server's own origin is parsed only for a request that names one (API clients send no Origin).
        boolean originAllowed = origins.size() == 1 && originAllowed(origins.get(0),
                hostHeaders.isEmpty() ? null : ownOrigin(hostHeaders.get(0), tls));
        if (!origins.isEmpty() && !originAllowed) {
            return new Refusal(REASON_ORIGIN, ErrorBody.reply(403, ORIGIN_NOT_ALLOWED));
        }
        String site = headers.get(SEC_FETCH_SITE);
        if (site != null && (site.trim().equalsIgnoreCase("cross-site")
                || (site.trim().equalsIgnoreCase("same-site") && !originAllowed))) {
            return new Refusal(REASON_FETCH_SITE, ErrorBody.reply(403, ORIGIN_NOT_ALLOWED));
        }
        if (needsJson(method, headers) && !isJson(headers.getAll(HttpHeaderNames.CONTENT_TYPE))) {
            return new Refusal(REASON_CONTENT_TYPE, ErrorBody.reply(415, NOT_JSON));
        }
        return null;
    }

    private boolean hostAllowed(String value) {
        HostPort host = HostPort.parse(value.trim());
        return host != null && (allowedHosts.contains(host.host())
                || (host.port() >= 0 && allowedHosts.contains(host.host() + ":" + host.port())));
    }

    private boolean originAllowed(String value, String ownOrigin) {
        String origin = canonicalOrigin(value.trim());
        return origin != null && (origin.equals(ownOrigin) || allowedOrigins.contains(origin));
    }

    /** The origin of a page this server served to the client: the request's scheme and its {@code Host}. */
    private static String ownOrigin(String hostHeader, boolean tls) {
        HostPort host = HostPort.parse(hostHeader.trim());
        return host == null ? null : host.origin(tls ? "https" : "http");
    }

    /** A {@code POST}, {@code PUT} or {@code PATCH}, or any request that declares a body. */
    private static boolean needsJson(HttpMethod method, HttpHeaders headers) {
        if (ALWAYS_WITH_BODY.contains(method) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    private static boolean isJson(List<String> contentTypes) {
        if (contentTypes.size() != 1) {
            return false;
        }
        String value = contentTypes.get(0);
        int semicolon = value.indexOf(';');
        String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** {@code scheme://host:port} with the default port filled in, lower case; null when not an http(s) origin. */
    static String canonicalOrigin(String value) {
        int separator = value.indexOf("://");
        if (separator < 0) {
            return null;
        }
        String scheme = value.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        HostPort host = HostPort.parse(value.substring(separator + 3));
        return host == null ? null : host.origin(scheme);
    }

    /**
     * A {@code Host}-style authority.
     *
     * @param host a lower-case name or address, an IPv6 address in brackets
     * @param port the port, or -1 when none was given
     */
    record HostPort(String host, int port) {
        /** Null when {@code value} is not {@code host[:port]}. */
        static HostPort parse(String value) {
            boolean bracketed = value.startsWith("[");
            int hostEnd = bracketed ? value.indexOf(']') + 1 : value.indexOf(':');
            if (bracketed && hostEnd == 0) {
                return null;
            }
            if (hostEnd < 0) {
                hostEnd = value.length();
            }
            String host = value.substring(0, hostEnd);
            String rest = value.substring(hostEnd);
            if (host.isEmpty() || !validHost(host, bracketed)) {
                return null;
            }
            int port = -1;
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':' || rest.length() < 2 || rest.length() > 6) {
                    return null;
                }
                for (int i = 1; i < rest.length(); i++) {
                    if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                        return null;
                    }
                }
                port = Integer.parseInt(rest.substring(1));
                if (port > 65535) {
                    return null;
                }
            }
            return new HostPort(host.toLowerCase(Locale.ROOT), port);
        }

        String origin(String scheme) {
            int effective = port >= 0 ? port : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + host + ":" + effective;
        }

        private static boolean validHost(String host, boolean bracketed) {
            int end = bracketed ? host.length() - 1 : host.length();
            for (int i = bracketed ? 1 : 0; i < end; i++) {
                char c = host.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '-' || (bracketed ? c == ':' : c == '_');
                if (!ok) {
                    return false;
                }
            }
            return end > (bracketed ? 1 : 0);
        }
    }
}
