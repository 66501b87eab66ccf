package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The metrics count without exemplars: nothing traces here, and an exemplar-sampling metric starts Prometheus's own
 * scheduler thread, one more idle thread on a small board.
 */
class MetricsFootprintTest {
    @Test
    void countingAndScrapingStartNoPrometheusThread() {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/healthz", TestServer.READ_KEY).statusCode()).isIn(200, 503);
            }
            HttpResponse<String> metrics = server.get("/metrics", TestServer.READ_KEY);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("callstack_http_requests_total").doesNotContain("trace_id");
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().startsWith("prometheus"));
        }
    }
}
