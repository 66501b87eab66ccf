package dev.callstack.server.internal;

import dev.callstack.core.CallApi;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemState;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.testkit.FakeModem;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --modem simulator}: a {@link FakeModem} with background activity so a new user sees events flow — a signal
 * change every tick, an inbound SMS every 6th tick, a short incoming call every 9th, and delivery reports for sent
 * messages. Uses reserved-for-fiction numbers (+1555010xxxx) only.
 *
 * <p>Thread-safe: one scheduler thread drives the activity.
 */
final class SimulatedModem implements Modem {
    private final FakeModem fake;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong ticks = new AtomicLong();

    SimulatedModem(FakeModem fake, Duration tick) {
        this.fake = Objects.requireNonNull(fake, "fake");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "callstack-simulator");
            thread.setDaemon(true);
            return thread;
        });
        long millis = tick.toMillis();
        scheduler.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long n = ticks.incrementAndGet();
            fake.signal(12 + (int) (n * 7 % 15), 0);
            if (n % 6 == 0) {
                fake.receiveSms("+15550100" + (100 + n % 900), "Hello from the Callstack simulator #" + n);
            }
            if (n % 9 == 0) {
                fake.ring("+15550100199");
                scheduler.schedule(() -> {
                    fake.callState(CallState.ENDED);
                    fake.callState(CallState.IDLE);
                }, 3, TimeUnit.SECONDS);
            }
            var sent = fake.sentMessages();
            if (!sent.isEmpty() && n % 2 == 0) {
                var last = sent.get(sent.size() - 1);
                if (fake.sms().deliveryReports(1).stream().noneMatch(r -> Long.valueOf(last.messageId())
                        .equals(r.messageId()))) {
                    fake.deliveryReport(last, DeliveryStatus.DELIVERED);
                }
            }
        } catch (RuntimeException keepTicking) {
            // A failed tick (e.g. the modem closing) must not cancel the schedule silently mid-run; nothing to log.
        }
    }

    @Override
    public EventBus events() {
        return fake.events();
    }

    @Override
    public ModemState state() {
        return fake.state();
    }

    @Override
    public SmsApi sms() {
        return fake.sms();
    }

    @Override
    public UssdApi ussd() {
        return fake.ussd();
    }

    @Override
    public CallApi calls() {
        return fake.calls();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        fake.close();
    }
}
