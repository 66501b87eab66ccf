package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupWarmUpTest {
    @Test
    void theWarmUpEndsAndLeavesNothingRunning() throws Exception {
        StartupWarmUp warmUp = StartupWarmUp.start();
        warmUp.await();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("callstack-warm-up"));
        byte[] ready = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ready");
            g.writeEndObject();
        });
        assertThat(new String(ready, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ready\"}");
    }
}
