package dev.callstack.server.internal;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsEncoding;
import dev.callstack.modem.pdu.DecodedPdu;
import dev.callstack.modem.pdu.PduDecoder;
import dev.callstack.modem.pdu.PduFormatException;
import dev.callstack.modem.pdu.SmsDeliverEncoder;
import dev.callstack.modem.pdu.SmsStatusReportEncoder;
import dev.callstack.modem.pdu.SmsSubmit;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network around {@code --modem simulator}, played on the simulator's side of the link so the real AT stack
 * sees what a live modem would show: signal changes, inbound messages (as real SMS-DELIVER PDUs stamped with the
 * current time, sometimes in two parts), an incoming call that rings and hangs up, and a status report for every
 * submitted part that asked for one. Every action can also be run at once (tests do). All numbers are fictional
 * (555-01xx and Ofcom's drama range).
 *
 * <p>Thread-safe: one daemon scheduler thread runs the script; the actions may be called from any thread.
 */
public final class SimulatorActivity implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatorActivity.class);

    private static final List<String> SENDERS = List.of("+12025550143", "+12025550171", "+447700900461");
    private static final String CALLER = "+12025550188";
    private static final String LONG_TEXT = "This message is long enough to need two SMS parts, so the simulator "
            + "shows how Callstack reassembles concatenated messages before it stores them and publishes a single "
            + "sms.received event. Message ";

    /**
     * When the script acts.
     *
     * @param signalEvery      a new signal level
     * @param smsEvery         an inbound message; every third has two parts (the first comes after {@code firstSms})
     * @param firstSms         delay of the first inbound message
     * @param callEvery        an incoming call (the first comes after {@code firstCall})
     * @param firstCall        delay of the first call
     * @param ringFor          how long a call rings before the caller hangs up
     * @param reportCheckEvery how often submitted messages are looked for; a report follows one check later
     */
    public record Schedule(Duration signalEvery, Duration smsEvery, Duration firstSms, Duration callEvery,
                           Duration firstCall, Duration ringFor, Duration reportCheckEvery) {
        /** Signal every 5 s, an SMS every 30 s (first after 10 s), a call every 45 s (first after 20 s). */
        public static final Schedule DEFAULT = new Schedule(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(20), Duration.ofSeconds(6),
                Duration.ofSeconds(2));

        public Schedule {
            for (Duration d : List.of(Objects.requireNonNull(signalEvery, "signalEvery"),
                    Objects.requireNonNull(smsEvery, "smsEvery"), Objects.requireNonNull(firstSms, "firstSms"),
                    Objects.requireNonNull(callEvery, "callEvery"), Objects.requireNonNull(firstCall, "firstCall"),
                    Objects.requireNonNull(ringFor, "ringFor"),
                    Objects.requireNonNull(reportCheckEvery, "reportCheckEvery"))) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("schedule durations must be positive");
                }
            }
        }
    }

    private final AtModemSimulator simulator;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong signalSteps = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong scheduledMessages = new AtomicLong();
    private int reportedParts; // guarded by this: sentPdus() entries handled so far
    private int partsAtLastCheck; // guarded by this

    private SimulatorActivity(AtModemSimulator simulator, Clock clock) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("callstack-simulator-activity"));
    }

    /** Starts the script on its own daemon thread; {@link #close()} stops it. */
    public static SimulatorActivity start(AtModemSimulator simulator, Clock clock, Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        SimulatorActivity activity = new SimulatorActivity(simulator, clock);
        activity.every(schedule.signalEvery(), schedule.signalEvery(), activity::changeSignal);
        activity.every(schedule.firstSms(), schedule.smsEvery(), activity::scheduledMessage);
        activity.every(schedule.firstCall(), schedule.callEvery(), () -> activity.ring(schedule.ringFor()));
        activity.every(schedule.reportCheckEvery(), schedule.reportCheckEvery(), activity::checkReports);
        log.info("Simulator activity: signal every {} s, an SMS every {} s, a call every {} s",
                schedule.signalEvery().toSeconds(), schedule.smsEvery().toSeconds(), schedule.callEvery().toSeconds());
        return activity;
    }

    /** Moves the signal to its next level (rssi 10–29, BER 0); the modem's {@code AT+CSQ} poll picks it up. */
    public void changeSignal() {
        long step = signalSteps.incrementAndGet();
        simulator.signal(10 + (int) (step * 7 % 20), 0);
    }

    /** An inbound one-part message, stored on the SIM and announced with {@code +CMTI}; returns its text. */
    public String receiveSms() {
        long n = messages.incrementAndGet();
        return deliver(n, "Hello from the Callstack simulator, message " + n);
    }

    /** An inbound two-part message, each part stored and announced; returns the whole text. */
    public String receiveLongSms() {
        long n = messages.incrementAndGet();
        return deliver(n, LONG_TEXT + n + ".");
    }

    /** {@code RING} and {@code +CLIP} now; the caller hangs up ({@code NO CARRIER}) after {@code ringFor}. */
    public void ring(Duration ringFor) {
        simulator.incomingCall(CALLER);
        scheduler.schedule(guarded(simulator::remoteHangup), ringFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A status report ({@code +CDS}, "delivered") for every submitted part that asked for one and has none yet;
     * returns how many went out. Call it once the send has completed (the scheduled check waits one interval so the
     * host has stored the message the report is about).
     */
    public synchronized int deliverReports() {
        List<String> sent = simulator.sentPdus();
        partsAtLastCheck = sent.size();
        return reportUpTo(sent, sent.size());
    }

    private synchronized void checkReports() {
        List<String> sent = simulator.sentPdus();
        reportUpTo(sent, Math.min(partsAtLastCheck, sent.size()));
        partsAtLastCheck = sent.size();
    }

    private int reportUpTo(List<String> sent, int end) {
        int reports = 0;
        while (reportedParts < end) {
            int i = reportedParts++; // counted first: a part whose report failed is not retried (and duplicated)
            // The simulator numbers accepted submits 0, 1, 2... (+CMGS: <mr>); the AT stack only submits PDUs the
            // simulator accepts, so the i-th recorded PDU carries TP-MR i mod 256.
            if (report(sent.get(i), i % 256)) {
                reports++;
            }
        }
        return reports;
    }

    private boolean report(String submitHex, int messageReference) {
        DecodedPdu pdu;
        try {
            pdu = PduDecoder.decode(submitHex);
        } catch (PduFormatException e) {
            return false;
        }
        if (!(pdu instanceof SmsSubmit submit) || !submit.statusReportRequest()
                || !PhoneNumber.isValid(submit.recipient().value())) {
            return false;
        }
        OffsetDateTime now = now();
        simulator.deliverReportDirect(SmsStatusReportEncoder.encode(messageReference,
                PhoneNumber.of(submit.recipient().value()), now.minusSeconds(1), now, 0));
        return true;
    }

    private String deliver(long n, String text) {
        PhoneNumber sender = PhoneNumber.of(SENDERS.get((int) (n % SENDERS.size())));
        List<String> parts = SmsDeliverEncoder.encode(sender, text, SmsEncoding.AUTO, now(), (int) (n & 0xFF));
        for (String part : parts) {
            simulator.deliverStored(part);
        }
        log.debug("Simulator: inbound SMS in {} part(s)", parts.size());
        return text;
    }

    private void scheduledMessage() {
        if (scheduledMessages.incrementAndGet() % 3 == 0) {
            receiveLongSms();
        } else {
            receiveSms();
        }
    }

    /** Whole seconds, UTC: what TP-SCTS can carry, so a PDU is unique per second and text. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * With a fixed delay, not a fixed rate: a late run must not be followed at once by a catch-up run, which would
     * report a part the moment it was submitted, before the host has stored the message it belongs to.
     */
    private void every(Duration first, Duration period, Runnable action) {
        scheduler.scheduleWithFixedDelay(guarded(action), first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failing step (the SIM store full while the host is away, the link being replaced) must not end the script. */
    private static Runnable guarded(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.debug("Simulator activity step failed: {}", e.getClass().getSimpleName());
            }
        };
    }

    /** Stops the script and waits briefly for a step in progress, so nothing reaches the simulator afterwards. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
