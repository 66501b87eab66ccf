package dev.callstack.bench.realtime;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.RealtimeConfig;
import dev.callstack.realtime.RealtimeHub;
import dev.callstack.realtime.View;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@code bus.publish} of an inbound SMS through the realtime hub with N registered clients: id, encode
 * once (redacted view), one queue offer per client, and — for writable sinks — the drain into the sink. With stalled
 * sinks every offer hits a full queue (drop-oldest path). Per-client cost is {@code score / clients}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HubFanOutBenchmark {

    @Param({"1", "100", "10000"})
    public int clients;

    @Param({"writable", "stalled"})
    public String sinks;

    private EventBus bus;
    private RealtimeHub hub;
    private SmsReceived event;

    @Setup(Level.Trial)
    public void setUp() {
        bus = new EventBus();
        hub = new RealtimeHub(bus, RealtimeConfig.defaults());
        boolean writable = sinks.equals("writable");
        for (int i = 0; i < clients; i++) {
            hub.register(new CountingSink("bench-" + i, writable), EventSelection.all(), View.REDACTED);
        }
        event = new SmsReceived(Instant.parse("2026-11-26T19:44:39.123Z"), "+15550100100",
                "Your code is 123456. It expires in 10 minutes.", null, 1, 42L);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hub.close();
        bus.close();
    }

    @Benchmark
    public void publish() {
        bus.publish(event);
    }
}
