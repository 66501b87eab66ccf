package dev.callstack.realtime;

import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.IvrOptionChosen;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.core.event.VoicemailRecorded;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that lists the public realtime event names (in wire order, as sent in {@code hello}) and maps each
 * core event type to its name. {@link ModemConnected} and {@link ModemDisconnected} share {@code modem.state}.
 */
public final class EventNames {
    /** {@link SmsReceived}: an inbound SMS, reassembled. */
    public static final String SMS_RECEIVED = "sms.received";
    /** {@link SmsDeliveryReport}: a status report for a sent SMS. */
    public static final String SMS_DELIVERY_REPORT = "sms.delivery_report";
    /** {@link SmsSent}: an outbound SMS the network accepted. */
    public static final String SMS_SENT = "sms.sent";
    /** {@link CallStateChanged}: the voice call changed state. */
    public static final String CALL_STATE = "call.state";
    /** {@link CallRing}: one ring of an incoming call. */
    public static final String CALL_RING = "call.ring";
    /** {@link CallerId}: the calling line identity of an incoming call. */
    public static final String CALL_CALLER_ID = "call.caller_id";
    /** {@link DtmfReceived}: a DTMF tone received in a call. */
    public static final String CALL_DTMF = "call.dtmf";
    /** {@link ModemConnected} and {@link ModemDisconnected}: the modem came or went. */
    public static final String MODEM_STATE = "modem.state";
    /** {@link SignalQuality}: a new signal reading. */
    public static final String SIGNAL_QUALITY = "signal.quality";
    /** {@link NetworkRegistrationChanged}: the effective registration or its access technology changed. */
    public static final String NETWORK_REGISTRATION = "network.registration";
    /** {@link UssdResponse}: a USSD reply or network-initiated USSD message. */
    public static final String USSD_RESPONSE = "ussd.response";
    /** {@link SmsQueued}: an outbound SMS was committed to the outbox. */
    public static final String SMS_QUEUED = "sms.queued";
    /** {@link SmsFailed}: an outbox message failed, expired, ended unknown or partially sent. */
    public static final String SMS_FAILED = "sms.failed";
    /** {@link VoicemailRecorded}: a voicemail was recorded and stored. */
    public static final String CALL_VOICEMAIL = "call.voicemail";
    /** {@link IvrOptionChosen}: a caller chose an option of the voice plan's menu. */
    public static final String CALL_IVR = "call.ivr";

    private static final List<String> SUPPORTED = List.of(SMS_RECEIVED, SMS_DELIVERY_REPORT, SMS_SENT, CALL_STATE,
            CALL_RING, CALL_CALLER_ID, CALL_DTMF, MODEM_STATE, SIGNAL_QUALITY, NETWORK_REGISTRATION, USSD_RESPONSE,
            SMS_QUEUED, SMS_FAILED, CALL_VOICEMAIL, CALL_IVR);

    private static final Map<Class<?>, Integer> INDEX_BY_TYPE = Map.ofEntries(
            Map.entry(SmsReceived.class, SUPPORTED.indexOf(SMS_RECEIVED)),
            Map.entry(SmsDeliveryReport.class, SUPPORTED.indexOf(SMS_DELIVERY_REPORT)),
            Map.entry(SmsSent.class, SUPPORTED.indexOf(SMS_SENT)),
            Map.entry(CallStateChanged.class, SUPPORTED.indexOf(CALL_STATE)),
            Map.entry(CallRing.class, SUPPORTED.indexOf(CALL_RING)),
            Map.entry(CallerId.class, SUPPORTED.indexOf(CALL_CALLER_ID)),
            Map.entry(DtmfReceived.class, SUPPORTED.indexOf(CALL_DTMF)),
            Map.entry(ModemConnected.class, SUPPORTED.indexOf(MODEM_STATE)),
            Map.entry(ModemDisconnected.class, SUPPORTED.indexOf(MODEM_STATE)),
            Map.entry(SignalQuality.class, SUPPORTED.indexOf(SIGNAL_QUALITY)),
            Map.entry(NetworkRegistrationChanged.class, SUPPORTED.indexOf(NETWORK_REGISTRATION)),
            Map.entry(UssdResponse.class, SUPPORTED.indexOf(USSD_RESPONSE)),
            Map.entry(SmsQueued.class, SUPPORTED.indexOf(SMS_QUEUED)),
            Map.entry(SmsFailed.class, SUPPORTED.indexOf(SMS_FAILED)),
            Map.entry(VoicemailRecorded.class, SUPPORTED.indexOf(CALL_VOICEMAIL)),
            Map.entry(IvrOptionChosen.class, SUPPORTED.indexOf(CALL_IVR)));

    private EventNames() {
    }

    /**
     * Every supported name, in wire order.
     *
     * @return an immutable list, the same instance on every call
     */
    public static List<String> supported() {
        return SUPPORTED;
    }

    /**
     * Whether {@code name} is a realtime event name a client may select.
     *
     * @param name the candidate, case-sensitive; may be null
     * @return true when it is one of {@link #supported()}
     */
    public static boolean isSupported(String name) {
        return name != null && SUPPORTED.contains(name);
    }

    /**
     * The wire name of {@code event}.
     *
     * @param event any core event; not null
     * @return its name, one of {@link #supported()}
     */
    public static String nameOf(ModemEvent event) {
        return SUPPORTED.get(indexOf(event));
    }

    /** Position of {@code event}'s name in {@link #supported()}. */
    static int indexOf(ModemEvent event) {
        Objects.requireNonNull(event, "event");
        Integer index = INDEX_BY_TYPE.get(event.getClass());
        if (index == null) {
            throw new IllegalArgumentException("no realtime name for " + event.getClass().getName());
        }
        return index;
    }

    /** Position of {@code name} in {@link #supported()}, or -1. */
    static int indexOf(String name) {
        return name == null ? -1 : SUPPORTED.indexOf(name);
    }
}
