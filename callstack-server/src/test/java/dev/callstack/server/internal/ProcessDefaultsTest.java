package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessDefaultsTest {
    @Test
    void nettysFlightRecorderEventsAreOffByDefault() {
        Properties properties = new Properties();
        ProcessDefaults.apply(properties);
        assertThat(properties.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
    }

    @Test
    void anOperatorsOwnSettingWins() {
        Properties properties = new Properties();
        properties.setProperty("io.netty.jfr.enabled", "true");
        ProcessDefaults.apply(properties);
        assertThat(properties.getProperty("io.netty.jfr.enabled")).isEqualTo("true");
    }
}
