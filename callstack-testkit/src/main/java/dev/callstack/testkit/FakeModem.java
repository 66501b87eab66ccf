package dev.callstack.testkit;

import dev.callstack.core.CallApi;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.Modem;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Registration;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.UssdApi;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.core.store.Recipients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The core {@link Modem} API in memory, for tests: script what the "network" does next, exercise the code under
 * test, then verify what it sent.
 *
 * <pre>{@code
 * FakeModem modem = new FakeModem();
 * modem.nextSendSucceeds(42);
 * service.notify("+15550100100", "hello");           // code under test calls modem.sms().send(...)
 * assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("hello");
 * modem.deliveryReport(42, "+15550100100", DeliveryStatus.DELIVERED);
 * }</pre>
 *
 * <p>Starts connected: registration {@link Registration#HOME}, operator {@code "Callstack Test"}, signal rssi 20 /
 * ber 0, manufacturer {@code "Callstack"}, model {@code "FakeModem"}, revision {@code "1"}. Operations complete at
 * once (a programmed timeout fails immediately, nothing really waits) unless scripted to hang. Injections publish their event on
 * {@link #events()} and return it; events are published after the state they describe is visible, on the calling
 * thread (so inline subscribers run there), and outside any lock.
 *
 * <p>The inspection lists ({@link #sentSms()}, {@link #ussdCodes()}, {@link #dials()}, {@link #dtmfSent()}) record
 * every well-formed request the code under test made, in call order, whatever its outcome (programmed failure,
 * disconnected, closed). Requests rejected as malformed ({@link InvalidRequestException} from argument checks) are not
 * recorded.
 *
 * <p>Thread-safe.
 */
public final class FakeModem implements Modem {
    public static final String OPERATOR = "Callstack Test";
    public static final String MANUFACTURER = "Callstack";
    public static final String MODEL = "FakeModem";
    public static final String REVISION = "1";
    /** The data coding scheme of USSD replies unless told otherwise (GSM-7, language unspecified). */
    public static final int USSD_DCS = 15;

    private final Clock clock;
    private final EventBus bus = new EventBus();
    private final Object lock = new Object();

    // Everything below is guarded by lock.
    private boolean connected = true;
    private boolean closed;
    private Registration registration = Registration.HOME;
    private String operator = OPERATOR;
    private SignalQuality signal;
    private CallState callState = CallState.IDLE;

    private final List<StoredSms> inbox = new ArrayList<>();
    private final List<StoredDeliveryReport> reports = new ArrayList<>();
    private final List<SmsSendResult> sentMessages = new ArrayList<>();
    private long nextInboxId = 1;
    private long nextReportId = 1;
    private long nextMessageId = 1;
    private int nextReference = 1;

    private final ArrayDeque<SendOutcome> sendOutcomes = new ArrayDeque<>();
    private final ArrayDeque<UssdOutcome> ussdOutcomes = new ArrayDeque<>();
    /** Operations scripted to hang: they fail when the modem disconnects or closes, as a real one's would. */
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    private final List<OutgoingSms> sentSms = new ArrayList<>();
    private final List<String> ussdCodes = new ArrayList<>();
    private final List<PhoneNumber> dials = new ArrayList<>();
    private final List<String> dtmfSent = new ArrayList<>();

    private final SmsApi sms = new FakeSms();
    private final UssdApi ussd = new FakeUssd();
    private final CallApi calls = new FakeCalls();

    public FakeModem() {
        this(Clock.systemUTC());
    }

    public FakeModem(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signal = new SignalQuality(clock.instant(), 20, 0);
    }

    // ---------------------------------------------------------------------------------------------- Modem API

    @Override
    public EventBus events() {
        return bus;
    }

    /** Disconnected (or closed): {@code connected} false, registration unknown, no operator or signal. */
    @Override
    public ModemState state() {
        synchronized (lock) {
            if (!connected || closed) {
                return new ModemState(false, Registration.UNKNOWN, null, null, MANUFACTURER, MODEL, REVISION);
            }
            return new ModemState(true, registration, operator, signal, MANUFACTURER, MODEL, REVISION);
        }
    }

    @Override
    public SmsApi sms() {
        return sms;
    }

    @Override
    public UssdApi ussd() {
        return ussd;
    }

    @Override
    public CallApi calls() {
        return calls;
    }

    /**
     * Fails pending (hanging) operations and later ones with {@link ModemUnavailableException} and closes the bus.
     * Idempotent.
     */
    @Override
    public void close() {
        List<CompletableFuture<?>> abandoned;
        synchronized (lock) {
            closed = true;
            abandoned = takePending();
        }
        failAll(abandoned, "modem closed");
        bus.close();
    }

    // ---------------------------------------------------------------------------------------------- inject

    /** An inbound single-part SMS: stored in the inbox (ids 1, 2, 3...), then published. */
    public SmsReceived receiveSms(String from, String body) {
        return receiveSms(from, body, 1);
    }

    /** An inbound SMS reassembled from {@code parts} parts: stored in the inbox, then published. */
    public SmsReceived receiveSms(String from, String body, int parts) {
        SmsReceived event;
        synchronized (lock) {
            Instant now = clock.instant();
            // SMSC time stamps have second resolution.
            event = new SmsReceived(now, from, body, now.truncatedTo(ChronoUnit.SECONDS), parts, nextInboxId);
            inbox.add(new StoredSms(nextInboxId, from, body, now, event.smscTimestamp(), parts, false));
            nextInboxId++;
        }
        bus.publish(event);
        return event;
    }

    /**
     * A status report: stored, correlated with the newest sent message that has this reference and recipient (the
     * same number in any form, by {@link Recipients#sameRecipient}, as the real store correlates), then published.
     * The raw TP-ST is 0x00 delivered, 0x20 pending, 0x40 failed, -1 unknown.
     */
    public SmsDeliveryReport deliveryReport(int reference, String recipient, DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        SmsDeliveryReport event;
        synchronized (lock) {
            Long messageId = correlate(reference, recipient);
            event = new SmsDeliveryReport(clock.instant(), reference, recipient, status, rawStatus(status), messageId);
            reports.add(new StoredDeliveryReport(nextReportId++, reference, recipient, status, event.rawStatus(),
                    event.timestamp(), messageId));
        }
        bus.publish(event);
        return event;
    }

    /** A status report about (the first part of) a message the fake sent. */
    public SmsDeliveryReport deliveryReport(SmsSendResult sent, DeliveryStatus status) {
        Objects.requireNonNull(sent, "sent");
        return deliveryReport(sent.reference(), sent.recipient().value(), status);
    }

    /**
     * An incoming call rings: {@link CallStateChanged}({@code RINGING}) unless the call already rings, then
     * {@link CallRing} and {@link CallerId}({@code from}); {@code from} may be empty for a withheld number.
     */
    public void ring(String from) {
        Objects.requireNonNull(from, "from");
        List<ModemEvent> events = new ArrayList<>(3);
        synchronized (lock) {
            Instant now = clock.instant();
            if (callState != CallState.RINGING) {
                callState = CallState.RINGING;
                events.add(new CallStateChanged(now, CallState.RINGING));
            }
            events.add(new CallRing(now));
            events.add(new CallerId(now, from));
        }
        events.forEach(bus::publish);
    }

    /** The call moves to {@code state}. */
    public void callState(CallState state) {
        Objects.requireNonNull(state, "state");
        publishCallStates(state);
    }

    /** A DTMF tone from the remote party. */
    public void dtmf(char digit) {
        bus.publish(new DtmfReceived(clock.instant(), digit));
    }

    /** A new signal reading; it becomes {@code state().signal()}. */
    public SignalQuality signal(int rssi, int ber) {
        SignalQuality event = new SignalQuality(clock.instant(), rssi, ber);
        publish(event);
        return event;
    }

    /**
     * The modem goes away: {@code state().connected()} turns false, pending (hanging) operations fail, and operations
     * fail with {@link ModemUnavailableException} (503) until {@link #reconnect()}.
     */
    public void disconnect(String reason) {
        Objects.requireNonNull(reason, "reason");
        publish(new ModemDisconnected(clock.instant(), reason));
    }

    /** The modem is back. */
    public void reconnect() {
        publish(new ModemConnected(clock.instant()));
    }

    /** An unsolicited USSD message from the network (not a reply to a request). */
    public UssdResponse ussdResponse(int status, String message, int dcs) {
        UssdResponse event = new UssdResponse(clock.instant(), status, message, dcs);
        bus.publish(event);
        return event;
    }

    /**
     * Publishes any event. Events that describe state ({@link SignalQuality}, {@link CallStateChanged},
     * {@link ModemConnected}, {@link ModemDisconnected}) update {@link #state()} / {@code calls().state()} too, and a
     * {@link ModemDisconnected} fails hanging operations exactly as {@link #disconnect} does; SMS events are not
     * stored (use {@link #receiveSms} and {@link #deliveryReport} for that).
     */
    public void publish(ModemEvent event) {
        Objects.requireNonNull(event, "event");
        List<CompletableFuture<?>> abandoned = List.of();
        synchronized (lock) {
            if (event instanceof SignalQuality quality) {
                signal = quality;
            } else if (event instanceof CallStateChanged changed) {
                callState = changed.state();
            } else if (event instanceof ModemConnected) {
                connected = true;
            } else if (event instanceof ModemDisconnected) {
                connected = false;
                abandoned = takePending();
            }
        }
        failAll(abandoned, "modem disconnected");
        bus.publish(event);
    }

    /** Network registration as {@link #state()} reports it while connected. */
    public void registration(Registration registration) {
        Objects.requireNonNull(registration, "registration");
        synchronized (lock) {
            this.registration = registration;
        }
    }

    /** Operator name as {@link #state()} reports it while connected; {@code null} for unknown. */
    public void operator(String operator) {
        synchronized (lock) {
            this.operator = operator;
        }
    }

    // ---------------------------------------------------------------------------------------------- program

    /** The next send is accepted and its first part gets {@code reference} (further parts the following ones). */
    public void nextSendSucceeds(int reference) {
        if (reference < 0 || reference > 255) {
            throw new IllegalArgumentException("reference must be in 0..255");
        }
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.SUCCEEDS, reference));
    }

    /** The next send fails with {@link ModemTimeoutException}. */
    public void nextSendTimesOut() {
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.TIMES_OUT, -1));
    }

    /** The next send fails with {@link ModemRejectedException} (as for {@code +CMS ERROR: 500}). */
    public void nextSendRejected() {
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.REJECTED, -1));
    }

    /** The next send fails with {@link ModemUnavailableException}. */
    public void nextSendUnavailable() {
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.UNAVAILABLE, -1));
    }

    /** The next send fails with {@link InvalidRequestException}. */
    public void nextSendInvalid() {
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.INVALID, -1));
    }

    /**
     * The next send never answers: its future stays pending until {@link #disconnect} or {@link #close()} fails it with
     * {@link ModemUnavailableException} (or the caller gives up on it), for testing the caller's own timeouts.
     */
    public void nextSendHangs() {
        program(sendOutcomes, new SendOutcome(SendOutcome.Kind.HANGS, -1));
    }

    /** The next USSD request gets this reply (data coding scheme {@value #USSD_DCS}). */
    public void nextUssdReply(int status, String message) {
        nextUssdReply(status, message, USSD_DCS);
    }

    /** The next USSD request gets this reply. */
    public void nextUssdReply(int status, String message, int dcs) {
        // Validate now, so a bad script fails in the test's arrange step rather than inside the code under test.
        new UssdResponse(Instant.EPOCH, status, message, dcs);
        program(ussdOutcomes, new UssdOutcome(UssdOutcome.Kind.REPLY, status, message, dcs));
    }

    /** The next USSD request fails with {@link ModemTimeoutException}, at once. */
    public void nextUssdTimesOut() {
        program(ussdOutcomes, new UssdOutcome(UssdOutcome.Kind.TIMES_OUT, 0, null, -1));
    }

    /** The next USSD request fails with {@link ModemRejectedException}. */
    public void nextUssdRejected() {
        program(ussdOutcomes, new UssdOutcome(UssdOutcome.Kind.REJECTED, 0, null, -1));
    }

    /** The next USSD request fails with {@link ModemUnavailableException}. */
    public void nextUssdUnavailable() {
        program(ussdOutcomes, new UssdOutcome(UssdOutcome.Kind.UNAVAILABLE, 0, null, -1));
    }

    /** The next USSD request never answers, like {@link #nextSendHangs()}; its timeout argument is not applied. */
    public void nextUssdHangs() {
        program(ussdOutcomes, new UssdOutcome(UssdOutcome.Kind.HANGS, 0, null, -1));
    }

    // ---------------------------------------------------------------------------------------------- inspect

    /** Every send request, in call order (see the class comment for which ones count). */
    public List<OutgoingSms> sentSms() {
        synchronized (lock) {
            return List.copyOf(sentSms);
        }
    }

    /** The messages the fake accepted, in send order, with their message ids and references. */
    public List<SmsSendResult> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sentMessages);
        }
    }

    /** Every USSD code sent, in call order. */
    public List<String> ussdCodes() {
        synchronized (lock) {
            return List.copyOf(ussdCodes);
        }
    }

    /** Every number dialled, in call order. */
    public List<PhoneNumber> dials() {
        synchronized (lock) {
            return List.copyOf(dials);
        }
    }

    /** Every DTMF string sent, in call order. */
    public List<String> dtmfSent() {
        synchronized (lock) {
            return List.copyOf(dtmfSent);
        }
    }

    // ---------------------------------------------------------------------------------------------- internals

    private <T> void program(ArrayDeque<T> queue, T outcome) {
        synchronized (lock) {
            queue.addLast(outcome);
        }
    }

    /** Caller holds the lock. */
    private List<CompletableFuture<?>> takePending() {
        List<CompletableFuture<?>> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** Outside the lock: completing runs the caller's dependent stages on this thread. */
    private static void failAll(List<CompletableFuture<?>> futures, String reason) {
        for (CompletableFuture<?> future : futures) {
            future.completeExceptionally(new ModemUnavailableException(reason));
        }
    }

    /** Caller holds the lock. */
    private <T> CompletableFuture<T> hang() {
        CompletableFuture<T> future = new CompletableFuture<>();
        pending.add(future);
        return future;
    }

    /** Why the modem cannot serve a request now, or {@code null} when it can. Caller holds the lock. */
    private ModemUnavailableException unavailable() {
        if (closed) {
            return new ModemUnavailableException("modem closed");
        }
        if (!connected) {
            return new ModemUnavailableException("modem disconnected");
        }
        return null;
    }

    /** Caller holds the lock. */
    private Long correlate(int reference, String recipient) {
        for (int i = sentMessages.size() - 1; i >= 0; i--) {
            SmsSendResult sent = sentMessages.get(i);
            if (sent.references().contains(reference)
                    && Recipients.sameRecipient(sent.recipient().value(), recipient)) {
                return sent.messageId();
            }
        }
        return null;
    }

    private static int rawStatus(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> 0x00;
            case PENDING -> 0x20;
            case FAILED -> 0x40;
            case UNKNOWN -> -1;
        };
    }

    private void publishCallStates(CallState... states) {
        List<ModemEvent> events = new ArrayList<>(states.length);
        synchronized (lock) {
            Instant now = clock.instant();
            for (CallState state : states) {
                callState = state;
                events.add(new CallStateChanged(now, state));
            }
        }
        events.forEach(bus::publish);
    }

    private static <T> CompletableFuture<T> failed(RuntimeException error) {
        return CompletableFuture.failedFuture(error);
    }

    /** A failed future when the modem cannot serve requests now, else {@code null}. Caller holds the lock. */
    private <T> CompletableFuture<T> refusal() {
        ModemUnavailableException unavailable = unavailable();
        return unavailable == null ? null : failed(unavailable);
    }

    private record SendOutcome(Kind kind, int reference) {
        enum Kind { SUCCEEDS, TIMES_OUT, REJECTED, UNAVAILABLE, INVALID, HANGS }
    }

    private record UssdOutcome(Kind kind, int status, String message, int dcs) {
        enum Kind { REPLY, TIMES_OUT, REJECTED, UNAVAILABLE, HANGS }
    }

    /** Thread-safe; state lives in the enclosing modem. */
    private final class FakeSms implements SmsApi {
        @Override
        public CompletableFuture<SmsSendResult> send(OutgoingSms message) {
            Objects.requireNonNull(message, "sms");
            int parts = SmsParts.count(message.body(), message.encoding());
            if (parts > SmsParts.MAX_PARTS) {
                return failed(new InvalidRequestException("SMS body too long"));
            }
            SmsSent event;
            SmsSendResult sent;
            synchronized (lock) {
                sentSms.add(message);
                CompletableFuture<SmsSendResult> refused = refusal();
                if (refused != null) {
                    return refused;
                }
                SendOutcome outcome = sendOutcomes.pollFirst();
                if (outcome != null && outcome.kind() == SendOutcome.Kind.HANGS) {
                    return hang();
                }
                if (outcome != null && outcome.kind() != SendOutcome.Kind.SUCCEEDS) {
                    return failed(sendFailure(outcome.kind()));
                }
                List<Integer> references = new ArrayList<>(parts);
                for (int part = 0; part < parts; part++) {
                    if (outcome != null) {
                        references.add((outcome.reference() + part) % 256);
                    } else {
                        references.add(nextReference);
                        nextReference = (nextReference + 1) % 256;
                    }
                }
                sent = new SmsSendResult(nextMessageId++, message.to(), references);
                sentMessages.add(sent);
                event = new SmsSent(clock.instant(), message.to().value(), references, parts, sent.messageId());
            }
            bus.publish(event);
            return CompletableFuture.completedFuture(sent);
        }

        private RuntimeException sendFailure(SendOutcome.Kind kind) {
            return switch (kind) {
                case TIMES_OUT -> new ModemTimeoutException("SMS send timed out");
                case REJECTED -> new ModemRejectedException("SMS rejected by the network", 500);
                case UNAVAILABLE -> new ModemUnavailableException("modem unavailable");
                case INVALID -> new InvalidRequestException("SMS refused as invalid");
                case SUCCEEDS, HANGS -> throw new IllegalStateException("not a failure");
            };
        }

        @Override
        public List<StoredSms> received(int limit, OptionalLong beforeId) {
            checkLimit(limit);
            Objects.requireNonNull(beforeId, "beforeId");
            List<StoredSms> page = new ArrayList<>(Math.min(limit, 64));
            synchronized (lock) {
                for (int i = inbox.size() - 1; i >= 0 && page.size() < limit; i--) {
                    StoredSms stored = inbox.get(i);
                    if (beforeId.isEmpty() || stored.id() < beforeId.getAsLong()) {
                        page.add(stored);
                    }
                }
            }
            return List.copyOf(page);
        }

        @Override
        public List<StoredDeliveryReport> deliveryReports(int limit) {
            checkLimit(limit);
            List<StoredDeliveryReport> page = new ArrayList<>(Math.min(limit, 64));
            synchronized (lock) {
                for (int i = reports.size() - 1; i >= 0 && page.size() < limit; i--) {
                    page.add(reports.get(i));
                }
            }
            return List.copyOf(page);
        }

        private void checkLimit(int limit) {
            if (limit < 1 || limit > MAX_PAGE) {
                throw new InvalidRequestException("limit must be in 1.." + MAX_PAGE);
            }
        }
    }

    /** Thread-safe; state lives in the enclosing modem. */
    private final class FakeUssd implements UssdApi {
        @Override
        public CompletableFuture<UssdResponse> send(UssdCode code, Duration timeout) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                return failed(new InvalidRequestException("USSD timeout must be positive"));
            }
            UssdResponse reply;
            synchronized (lock) {
                ussdCodes.add(code.value());
                CompletableFuture<UssdResponse> refused = refusal();
                if (refused != null) {
                    return refused;
                }
                UssdOutcome outcome = ussdOutcomes.pollFirst();
                if (outcome == null) {
                    reply = new UssdResponse(clock.instant(), 0, "OK", USSD_DCS);
                } else {
                    switch (outcome.kind()) {
                        case TIMES_OUT:
                            return failed(new ModemTimeoutException("USSD reply timed out"));
                        case REJECTED:
                            return failed(new ModemRejectedException("USSD request rejected"));
                        case UNAVAILABLE:
                            return failed(new ModemUnavailableException("modem unavailable"));
                        case HANGS:
                            return hang();
                        default:
                            reply = new UssdResponse(clock.instant(), outcome.status(), outcome.message(),
                                    outcome.dcs());
                    }
                }
            }
            bus.publish(reply);
            return CompletableFuture.completedFuture(reply);
        }
    }

    /** Thread-safe; state lives in the enclosing modem. */
    private final class FakeCalls implements CallApi {
        @Override
        public CompletableFuture<Void> dial(PhoneNumber number) {
            Objects.requireNonNull(number, "number");
            synchronized (lock) {
                dials.add(number);
            }
            return drive(CallState.DIALING, CallState.ACTIVE);
        }

        @Override
        public CompletableFuture<Void> answer() {
            return drive(CallState.ACTIVE);
        }

        @Override
        public CompletableFuture<Void> hangUp() {
            return drive(CallState.ENDED, CallState.IDLE);
        }

        @Override
        public CompletableFuture<Void> sendDtmf(String digits) {
            Objects.requireNonNull(digits, "digits");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> DtmfReceived.isDtmf((char) c))) {
                return failed(new InvalidRequestException("Invalid DTMF digits: expected 0-9 * # A-D"));
            }
            synchronized (lock) {
                dtmfSent.add(digits);
                CompletableFuture<Void> refused = refusal();
                if (refused != null) {
                    return refused;
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CallState state() {
            synchronized (lock) {
                return callState;
            }
        }

        private CompletableFuture<Void> drive(CallState... states) {
            synchronized (lock) {
                CompletableFuture<Void> refused = refusal();
                if (refused != null) {
                    return refused;
                }
            }
            publishCallStates(states);
            return CompletableFuture.completedFuture(null);
        }
    }
}
