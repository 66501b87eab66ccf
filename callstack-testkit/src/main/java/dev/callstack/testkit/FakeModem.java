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
import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsApi;
import dev.callstack.core.UssdApi;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.core.store.Recipients;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

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
    /** The operator {@link #state()} reports until {@link #operator(String)} changes it. */
    public static final String OPERATOR = "Callstack Test";
    /** The manufacturer {@link #state()} reports. */
    public static final String MANUFACTURER = "Callstack";
    /** The model {@link #state()} reports. */
    public static final String MODEL = "FakeModem";
    /** The firmware revision {@link #state()} reports. */
    public static final String REVISION = "1";
    /** The data coding scheme of USSD replies unless told otherwise (GSM-7, language unspecified). */
    public static final int USSD_DCS = 15;

    // A facade: each part owns its state and lock. The API fakes consult the network (connected? hang?), and FakeSms
    // its store, under their own lock; nothing calls back the other way, so the locks cannot deadlock.
    private final EventBus bus = new EventBus();
    private final FakeNetwork network;
    private final FakeSmsStore store;
    private final FakeSms sms;
    private final FakeUssd ussd;
    private final FakeCalls calls;
    private final FakeVoice voice = new FakeVoice();
    private final FakeOutbox outbox;
    private final FakeEvents events;

    /** A fake modem on the system UTC clock. */
    public FakeModem() {
        this(Clock.systemUTC());
    }

    /**
     * A fake modem whose events and stored messages take their time stamps from {@code clock}.
     *
     * @param clock the time source; not null
     */
    public FakeModem(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.network = new FakeNetwork(new SignalQuality(clock.instant(), 20, 0));
        this.store = new FakeSmsStore(clock);
        this.sms = new FakeSms(network, store, clock, bus);
        this.ussd = new FakeUssd(network, clock, bus);
        this.calls = new FakeCalls(network, clock, bus);
        this.outbox = new FakeOutbox(sms::sendQuietly, bus, clock);
        this.events = new FakeEvents(clock, bus, network, calls, store);
    }

    // ---------------------------------------------------------------------------------------------- Modem API

    @Override
    public EventBus events() {
        return bus;
    }

    /** Disconnected (or closed): {@code connected} false, registration unknown, no operator or signal. */
    @Override
    public ModemState state() {
        return network.state();
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
     * The in-memory outbox; it sends through {@link #sms()}, so programmed send outcomes apply to it.
     *
     * @return the same {@link FakeOutbox} on every call
     */
    @Override
    public FakeOutbox outbox() {
        return outbox;
    }

    /**
     * The voice API: absent with no session until the test sets them ({@link FakeVoice#session(
     * dev.callstack.core.voice.CallSession)}).
     *
     * @return the same {@link FakeVoice} on every call
     */
    @Override
    public FakeVoice voice() {
        return voice;
    }

    /**
     * Fails pending (hanging) operations and later ones with {@link ModemUnavailableException} and closes the bus.
     * Idempotent.
     */
    @Override
    public void close() {
        network.closed();
        bus.close();
    }

    // ---------------------------------------------------------------------------------------------- inject

    /**
     * An inbound single-part SMS: stored in the inbox (ids 1, 2, 3...), then published.
     *
     * @param from the sender: a number or an alphanumeric name
     * @param body the text
     * @return the published event, with the stored message id
     */
    public SmsReceived receiveSms(String from, String body) {
        return receiveSms(from, body, 1);
    }

    /**
     * An inbound SMS reassembled from {@code parts} parts: stored in the inbox, then published.
     *
     * @param from the sender: a number or an alphanumeric name
     * @param body the text
     * @param parts how many parts it came in, 1–255
     * @return the published event, with the stored message id
     */
    public SmsReceived receiveSms(String from, String body, int parts) {
        return events.receiveSms(from, body, parts);
    }

    /**
     * A status report: stored, correlated with the newest sent message that has this reference and recipient (the
     * same number in any form, by {@link Recipients#sameRecipient}, as the real store correlates), then published.
     * The raw TP-ST is 0x00 delivered, 0x20 pending, 0x40 failed, -1 unknown.
     *
     * @param reference the TP-MR the report is about, 0–255
     * @param recipient the recipient as the network names it, in any form
     * @param status the outcome
     * @return the published event; its {@code messageId} is null when nothing matched
     */
    public SmsDeliveryReport deliveryReport(int reference, String recipient, DeliveryStatus status) {
        return events.deliveryReport(reference, recipient, status);
    }

    /**
     * A status report about (the first part of) a message the fake sent.
     *
     * @param sent a result of this fake's {@code sms().send(..)}
     * @param status the outcome
     * @return the published event
     */
    public SmsDeliveryReport deliveryReport(SmsSendResult sent, DeliveryStatus status) {
        Objects.requireNonNull(sent, "sent");
        return deliveryReport(sent.reference(), sent.recipient().value(), status);
    }

    /**
     * An incoming call rings: {@link CallStateChanged}({@code RINGING}) unless the call already rings, then
     * {@link CallRing} and {@link CallerId}({@code from}); {@code from} may be empty for a withheld number.
     *
     * @param from the caller's number, or empty when withheld
     */
    public void ring(String from) {
        calls.ring(from);
    }

    /**
     * The call moves to {@code state}.
     *
     * @param state the new call state; not null
     */
    public void callState(CallState state) {
        Objects.requireNonNull(state, "state");
        calls.moveTo(state);
    }

    /**
     * A DTMF tone from the remote party.
     *
     * @param digit one of {@code 0-9 * # A-D}
     */
    public void dtmf(char digit) {
        events.dtmf(digit);
    }

    /**
     * A new signal reading; it becomes {@code state().signal()}.
     *
     * @param rssi 0–31, or 99 for unknown
     * @param ber 0–7, or 99 for unknown
     * @return the published event
     */
    public SignalQuality signal(int rssi, int ber) {
        return events.signal(rssi, ber);
    }

    /**
     * The modem goes away: {@code state().connected()} turns false, pending (hanging) operations fail, and operations
     * fail with {@link ModemUnavailableException} (503) until {@link #reconnect()}.
     *
     * @param reason the {@link ModemDisconnected} reason; not null, nothing private
     */
    public void disconnect(String reason) {
        events.disconnect(reason);
    }

    /** The modem is back. */
    public void reconnect() {
        events.reconnect();
    }

    /**
     * An unsolicited USSD message from the network (not a reply to a request).
     *
     * @param status the {@code +CUSD} status, 0–5
     * @param message the text, or null for none
     * @param dcs the data coding scheme, 0–255, or -1 for none
     * @return the published event
     */
    public UssdResponse ussdResponse(int status, String message, int dcs) {
        return events.ussdResponse(status, message, dcs);
    }

    /**
     * Publishes any event. Events that describe state ({@link SignalQuality}, {@link CallStateChanged},
     * {@link ModemConnected}, {@link ModemDisconnected}, {@link NetworkRegistrationChanged}) update {@link #state()} / {@code calls().state()} too, and a
     * {@link ModemDisconnected} fails hanging operations exactly as {@link #disconnect} does; SMS events are not
     * stored (use {@link #receiveSms} and {@link #deliveryReport} for that).
     *
     * @param event any event; not null
     */
    public void publish(ModemEvent event) {
        events.publish(event);
    }

    /**
     * Network registration as {@link #state()} reports it while connected.
     *
     * @param registration the registration state; not null
     */
    public void registration(Registration registration) {
        registration(registration, network.technology());
    }

    /**
     * Network registration and access technology; publishes {@link NetworkRegistrationChanged} when the pair changed
     * while connected, as a real modem does.
     *
     * @param registration the registration state; not null
     * @param technology   the access technology; not null
     */
    public void registration(Registration registration, AccessTechnology technology) {
        events.registration(registration, technology);
    }

    /**
     * Operator name as {@link #state()} reports it while connected; {@code null} for unknown.
     *
     * @param operator the operator name, or null
     */
    public void operator(String operator) {
        network.operator(operator);
    }

    // ---------------------------------------------------------------------------------------------- program

    /**
     * The next send is accepted and its first part gets {@code reference} (further parts the following ones).
     *
     * @param reference the first part's TP-MR, 0–255
     */
    public void nextSendSucceeds(int reference) {
        sms.program(SendOutcome.succeeds(reference));
    }

    /** The next send fails with {@link ModemTimeoutException}. */
    public void nextSendTimesOut() {
        sms.program(SendOutcome.of(SendOutcome.Kind.TIMES_OUT));
    }

    /** The next send fails with {@link ModemRejectedException} (as for {@code +CMS ERROR: 500}). */
    public void nextSendRejected() {
        sms.program(SendOutcome.of(SendOutcome.Kind.REJECTED));
    }

    /** The next send fails with {@link ModemUnavailableException}. */
    public void nextSendUnavailable() {
        sms.program(SendOutcome.of(SendOutcome.Kind.UNAVAILABLE));
    }

    /** The next send fails with {@link InvalidRequestException}. */
    public void nextSendInvalid() {
        sms.program(SendOutcome.of(SendOutcome.Kind.INVALID));
    }

    /**
     * The next send never answers: its future stays pending until {@link #disconnect} or {@link #close()} fails it with
     * {@link ModemUnavailableException} (or the caller gives up on it), for testing the caller's own timeouts.
     */
    public void nextSendHangs() {
        sms.program(SendOutcome.of(SendOutcome.Kind.HANGS));
    }

    /**
     * The next USSD request gets this reply (data coding scheme {@value #USSD_DCS}).
     *
     * @param status the {@code +CUSD} status, 0–5
     * @param message the reply text, or null for none
     */
    public void nextUssdReply(int status, String message) {
        nextUssdReply(status, message, USSD_DCS);
    }

    /**
     * The next USSD request gets this reply.
     *
     * @param status the {@code +CUSD} status, 0–5
     * @param message the reply text, or null for none
     * @param dcs the data coding scheme, 0–255, or -1 for none
     */
    public void nextUssdReply(int status, String message, int dcs) {
        ussd.program(UssdOutcome.reply(status, message, dcs));
    }

    /** The next USSD request fails with {@link ModemTimeoutException}, at once. */
    public void nextUssdTimesOut() {
        ussd.program(UssdOutcome.of(UssdOutcome.Kind.TIMES_OUT));
    }

    /** The next USSD request fails with {@link ModemRejectedException}. */
    public void nextUssdRejected() {
        ussd.program(UssdOutcome.of(UssdOutcome.Kind.REJECTED));
    }

    /** The next USSD request fails with {@link ModemUnavailableException}. */
    public void nextUssdUnavailable() {
        ussd.program(UssdOutcome.of(UssdOutcome.Kind.UNAVAILABLE));
    }

    /** The next USSD request never answers, like {@link #nextSendHangs()}; its timeout argument is not applied. */
    public void nextUssdHangs() {
        ussd.program(UssdOutcome.of(UssdOutcome.Kind.HANGS));
    }

    // ---------------------------------------------------------------------------------------------- inspect

    /**
     * Every send request, in call order (see the class comment for which ones count).
     *
     * @return a snapshot of the well-formed requests, failed and hanging ones included
     */
    public List<OutgoingSms> sentSms() {
        return sms.requests();
    }

    /**
     * The messages the fake accepted, in send order, with their message ids and references.
     *
     * @return a snapshot, in send order
     */
    public List<SmsSendResult> sentMessages() {
        return store.sentMessages();
    }

    /**
     * Every USSD code sent, in call order.
     *
     * @return a snapshot of the codes, in call order
     */
    public List<String> ussdCodes() {
        return ussd.codes();
    }

    /**
     * Every number dialled, in call order.
     *
     * @return a snapshot of the numbers, in call order
     */
    public List<PhoneNumber> dials() {
        return calls.dials();
    }

    /**
     * Every DTMF string sent, in call order.
     *
     * @return a snapshot of the DTMF strings, in call order
     */
    public List<String> dtmfSent() {
        return calls.dtmfSent();
    }
}
