package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossSitePolicyTest {
    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static String reason(CrossSitePolicy policy, HttpMethod method, HttpHeaders headers) {
        CrossSitePolicy.Refusal refusal = policy.check(method, headers, false);
        return refusal == null ? null : refusal.reason();
    }

    @Test
    void originsAreComparedBySchemeHostAndEffectivePort() {
        assertThat(CrossSitePolicy.canonicalOrigin("HTTP://Example.COM")).isEqualTo("http://example.com:80");
        assertThat(CrossSitePolicy.canonicalOrigin("https://example.com:443")).isEqualTo("https://example.com:443");
        assertThat(CrossSitePolicy.canonicalOrigin("https://[::1]:8443")).isEqualTo("https://[::1]:8443");
        for (String notAnOrigin : List.of("null", "file://", "chrome-extension://abc", "http://a/b", "http://a:99999",
                "http://a b", "http://[::1", "http://:80", "example.com")) {
            assertThat(CrossSitePolicy.canonicalOrigin(notAnOrigin)).as(notAnOrigin).isNull();
        }
    }

    @Test
    void theHostCheckIsOnForLoopbackOrWhenNamesAreGiven() {
        CrossSitePolicy publicWithoutNames = new CrossSitePolicy(false, List.of(), List.of());
        assertThat(reason(publicWithoutNames, HttpMethod.GET, headers("Host", "anything.example"))).isNull();
        CrossSitePolicy publicWithNames = new CrossSitePolicy(false, List.of("sms.example.com"), List.of());
        assertThat(reason(publicWithNames, HttpMethod.GET, headers("Host", "anything.example"))).isEqualTo("host");
        assertThat(reason(publicWithNames, HttpMethod.GET, headers("Host", "SMS.example.com:8080"))).isNull();
        CrossSitePolicy loopback = new CrossSitePolicy(true, List.of(), List.of());
        assertThat(reason(loopback, HttpMethod.GET, headers("Host", "localhost:8080"))).isNull();
        assertThat(reason(loopback, HttpMethod.GET, headers())).as("no Host: not a browser").isNull();
        assertThat(reason(loopback, HttpMethod.GET, headers("Host", "localhost", "Host", "evil.example")))
                .isEqualTo("host");
    }

    @Test
    void aBodilessDeleteNeedsNoContentTypeButADeleteWithABodyDoes() {
        CrossSitePolicy policy = new CrossSitePolicy(true, List.of(), List.of());
        assertThat(reason(policy, HttpMethod.DELETE, headers("Host", "localhost"))).isNull();
        assertThat(reason(policy, HttpMethod.DELETE, headers("Host", "localhost", "Content-Length", "4")))
                .isEqualTo("content_type");
        assertThat(reason(policy, HttpMethod.PUT, headers("Host", "localhost"))).isEqualTo("content_type");
        assertThat(reason(policy, HttpMethod.POST, headers("Host", "localhost", "Content-Type", "application/json",
                "Content-Type", "text/plain"))).isEqualTo("content_type");
    }

    @Test
    void aBadAllowListEntryIsRefusedAtStartup() {
        assertThatThrownBy(() -> new CrossSitePolicy(true, List.of(), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allowed-origins");
        assertThatThrownBy(() -> new CrossSitePolicy(true, List.of("http://x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allowed-hosts");
    }
}
