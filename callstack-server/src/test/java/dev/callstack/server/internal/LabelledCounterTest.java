package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LabelledCounterTest {
    private static Map<List<String>, Double> samples(LabelledCounter counter) {
        Map<List<String>, Double> read = new TreeMap<>((a, b) -> String.join(",", a).compareTo(String.join(",", b)));
        counter.read((value, labels) -> read.put(List.of(labels), value));
        return read;
    }

    @Test
    void seededSeriesReadZeroAndCountedOnesTheirCount() {
        LabelledCounter counter = new LabelledCounter(2);
        counter.seed("/status", "2xx");
        counter.inc("/sms/send", "4xx");
        counter.inc("/sms/send", "4xx");

        assertThat(samples(counter)).containsExactly(
                Map.entry(List.of("/sms/send", "4xx"), 2.0), Map.entry(List.of("/status", "2xx"), 0.0));
        assertThat(counter.count("/sms/send", "4xx")).isEqualTo(2);
        assertThat(counter.count("/never", "5xx")).isZero();
    }

    @Test
    void theWrongNumberOfLabelValuesFailsWhereItIsCountedNotAtTheScrape() {
        LabelledCounter counter = new LabelledCounter(2);

        assertThatThrownBy(() -> counter.inc("/status")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 label values, got 1");
        assertThatThrownBy(() -> counter.seed("/status", "2xx", "extra"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(samples(counter)).isEmpty();
    }

    @Test
    void anUnlabelledCounterIsOneSeries() {
        LabelledCounter counter = new LabelledCounter(0);
        counter.seed();
        counter.inc();

        assertThat(samples(counter)).containsExactly(Map.entry(List.of(), 1.0));
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        LabelledCounter counter = new LabelledCounter(2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String status = t % 2 == 0 ? "2xx" : "4xx";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        counter.inc("/sms/send", status);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counter.count("/sms/send", "2xx")).isEqualTo(20_000);
        assertThat(counter.count("/sms/send", "4xx")).isEqualTo(20_000);
    }
}
