package dev.callstack.server.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class WebhookAddressGuardTest {
    private final Map<String, List<String>> dns = new ConcurrentHashMap<>();

    private WebhookAddressGuard guard(boolean allowPrivate) {
        return new WebhookAddressGuard(allowPrivate, host -> {
            List<String> addresses = dns.get(host);
            if (addresses == null) {
                return InetAddress.getAllByName(literalOnly(host));
            }
            InetAddress[] out = new InetAddress[addresses.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByName(addresses.get(i));
            }
            return out;
        });
    }

    private static String literalOnly(String host) throws UnknownHostException {
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException("test resolver knows no " + host);
        }
        return host;
    }

    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("127.0.0.1", "loopback address"), Map.entry("127.9.9.9", "loopback address"),
            Map.entry("[::1]", "loopback address"),
            Map.entry("10.1.2.3", "private address"), Map.entry("172.16.0.1", "private address"),
            Map.entry("172.31.255.255", "private address"), Map.entry("192.168.1.10", "private address"),
            Map.entry("[fc00::1]", "private address"), Map.entry("[fdab::1]", "private address"),
            Map.entry("169.254.10.1", "link-local address"), Map.entry("[fe80::1]", "link-local address"),
            Map.entry("100.64.0.1", "shared (CGNAT) address"), Map.entry("100.127.255.254", "shared (CGNAT) address"),
            Map.entry("0.0.0.0", "unspecified address"), Map.entry("[::]", "unspecified address"),
            Map.entry("224.0.0.1", "multicast address"), Map.entry("[ff02::1]", "multicast address"),
            Map.entry("255.255.255.255", "broadcast address"),
            Map.entry("169.254.169.254", "cloud metadata address"),
            Map.entry("[fd00:ec2::254]", "cloud metadata address"),
            Map.entry("[::ffff:127.0.0.1]", "loopback address"),
            Map.entry("[::127.0.0.1]", "IPv4-compatible address"), Map.entry("[::8.8.8.8]", "IPv4-compatible address"),
            Map.entry("[64:ff9b::7f00:1]", "NAT64 address"), Map.entry("[64:ff9b:1::a00:1]", "NAT64 address"));

    @Test
    void everyForbiddenClassIsRefusedAtCreationWithItsReason() {
        WebhookAddressGuard guard = guard(false);
        FORBIDDEN.forEach((host, reason) -> assertThat(guard.refusal(URI.create("http://" + host + ":8123/x")))
                .as(host).isEqualTo("webhook URL resolves to a " + reason));
    }

    @Test
    void publicAddressesAndNeighboursOfTheBlocksAreAllowed() {
        WebhookAddressGuard guard = guard(false);
        for (String host : List.of("93.184.216.34", "172.32.0.1", "100.128.0.1", "169.255.0.1", "11.0.0.1",
                "[2001:db8::1]", "[fe00::1]")) {
            assertThat(guard.refusal(URI.create("https://" + host + "/hook"))).as(host).isNull();
        }
    }

    @Test
    void allowPrivateLiftsLanClassesButNotMetadataMulticastOrUnspecified() {
        WebhookAddressGuard guard = guard(true);
        for (String host : List.of("127.0.0.1", "[::1]", "10.0.0.5", "192.168.1.2", "[fd12::1]", "169.254.3.3",
                "100.64.1.1")) {
            assertThat(guard.refusal(URI.create("http://" + host + "/hook"))).as(host).isNull();
        }
        for (String host : List.of("169.254.169.254", "[fd00:ec2::254]", "0.0.0.0", "224.0.0.1")) {
            assertThat(guard.refusal(URI.create("http://" + host + "/hook"))).as(host).isNotNull();
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoCredentials() {
        WebhookAddressGuard guard = guard(true);
        assertThat(guard.refusal(URI.create("ftp://93.184.216.34/x"))).isEqualTo("webhook URL must use http or https");
        assertThat(guard.refusal(URI.create("file:///etc/passwd"))).isEqualTo("webhook URL must use http or https");
        assertThat(guard.refusal(URI.create("mailto:a@example.com")))
                .isEqualTo("webhook URL must be an absolute http or https URL");
        assertThat(guard.refusal(URI.create("/relative"))).isEqualTo("webhook URL must be an absolute http or https URL");
        assertThat(guard.refusal(URI.create("http://user:pw@93.184.216.34/")))
                .isEqualTo("webhook URL must not carry credentials");
        assertThat(guard.refusal(URI.create("http://unknown.invalid/"))).isEqualTo("webhook host does not resolve");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsForbidden() {
        dns.put("mixed.example", List.of("93.184.216.34", "127.0.0.1"));
        dns.put("localhost", List.of("127.0.0.1", "::1"));
        WebhookAddressGuard guard = guard(false);
        assertThat(guard.refusal(URI.create("http://mixed.example/"))).isEqualTo(
                "webhook URL resolves to a loopback address");
        assertThat(guard.refusal(URI.create("http://localhost:8123/"))).isEqualTo(
                "webhook URL resolves to a loopback address");
    }

    @Test
    void theCheckResolvesAgainEachTimeSoANameThatMovesInsideIsRefusedAtConnectTime() {
        dns.put("rebind.example", List.of("93.184.216.34"));
        WebhookAddressGuard guard = guard(false);
        URI url = URI.create("http://rebind.example/hook");
        assertThat(guard.refusal(url)).as("at creation").isNull();
        dns.put("rebind.example", List.of("10.0.0.7"));
        assertThat(guard.refusal(url)).as("before the next attempt").isEqualTo(
                "webhook URL resolves to a private address");
    }
}
