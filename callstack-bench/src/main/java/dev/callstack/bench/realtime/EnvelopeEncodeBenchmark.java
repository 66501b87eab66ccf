package dev.callstack.bench.realtime;

import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.View;
import dev.callstack.realtime.internal.EnvelopeEncoder;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of encoding one realtime message; the hub pays it at most once per view per event, whatever the clients. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EnvelopeEncodeBenchmark {
    private static final Instant T = Instant.parse("2026-11-26T19:44:39.123Z");

    private final EnvelopeEncoder encoder = new EnvelopeEncoder();
    private final SmsReceived sms = new SmsReceived(T, "+15550100100",
            "Your code is 123456. It expires in 10 minutes.", null, 1, 42L);
    private final SignalQuality signal = new SignalQuality(T, 20, 0);
    private final CallRing ring = new CallRing(T);
    private final UssdResponse ussd = new UssdResponse(T, 0, "Balance: 5.00 EUR, valid until 31.12.", 15);
    private long id;

    @Benchmark
    public byte[] smsReceivedRedacted() {
        return encoder.event(++id, sms, View.REDACTED);
    }

    @Benchmark
    public byte[] smsReceivedContent() {
        return encoder.event(++id, sms, View.CONTENT);
    }

    @Benchmark
    public byte[] signalQuality() {
        return encoder.event(++id, signal, View.REDACTED);
    }

    @Benchmark
    public byte[] callRing() {
        return encoder.event(++id, ring, View.REDACTED);
    }

    @Benchmark
    public byte[] ussdResponseContent() {
        return encoder.event(++id, ussd, View.CONTENT);
    }

    @Benchmark
    public byte[] hello() {
        return encoder.hello(EventSelection.all());
    }
}
