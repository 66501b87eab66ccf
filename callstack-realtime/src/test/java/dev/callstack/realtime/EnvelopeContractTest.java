package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.Registration;
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
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.core.event.VoicemailRecorded;
import dev.callstack.core.event.IvrOptionChosen;
import java.time.Duration;
import dev.callstack.realtime.internal.EnvelopeEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins every realtime message byte for byte, in both views. Changing one of these strings is a protocol change. */
class EnvelopeContractTest {
    private static final Instant T = Instant.parse("2026-11-26T19:44:39.123456789Z");
    private static final String TS = "\"timestamp\":\"2026-11-26T19:44:39.123Z\"";
    private static final String ALL_NAMES = "[\"sms.received\",\"sms.delivery_report\",\"sms.sent\",\"call.state\","
            + "\"call.ring\",\"call.caller_id\",\"call.dtmf\",\"modem.state\",\"signal.quality\",\"network.registration\",\"ussd.response\","
            + "\"sms.queued\",\"sms.failed\",\"call.voicemail\",\"call.ivr\"]";

    private final EnvelopeEncoder encoder = new EnvelopeEncoder();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new SmsReceived(T, "+15550100100", "Hi \uD83D\uDC4B there", null, 1, 7L),
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":7,\"sender\":\"+***0100\","
                                + "\"body\":\"[redacted]\",\"body_length\":10,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":1,\"partial\":false}}",
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":7,\"sender\":\"+15550100100\","
                                + "\"body\":\"Hi \uD83D\uDC4B there\",\"body_length\":10,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":1,\"partial\":false}}"),
                Arguments.of(new SmsReceived(T, "DUO", "Say \"hi\"\n\tbye", null, 2, null),
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":null,\"sender\":\"DUO\","
                                + "\"body\":\"[redacted]\",\"body_length\":13,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":2,\"partial\":false}}",
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":null,\"sender\":\"DUO\","
                                + "\"body\":\"Say \\\"hi\\\"\\n\\tbye\",\"body_length\":13,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":2,\"partial\":false}}"),
                // A partial message can end inside a surrogate pair: the lone half is escaped, never dropped or fatal.
                Arguments.of(new SmsReceived(T, "+15550100100", "ok \uD83D", null, 2, null, true),
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":null,\"sender\":\"+***0100\","
                                + "\"body\":\"[redacted]\",\"body_length\":4,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":2,\"partial\":true}}",
                        "{\"type\":\"sms.received\",\"id\":41," + TS + ",\"data\":{\"id\":null,\"sender\":\"+15550100100\","
                                + "\"body\":\"ok \\uD83D\",\"body_length\":4,"
                                + "\"received_at\":\"2026-11-26T19:44:39.123Z\",\"smsc_timestamp\":null,\"parts\":2,\"partial\":true}}"),
                Arguments.of(new SmsDeliveryReport(T, 42, "+15550100100", DeliveryStatus.DELIVERED, 0, 7L),
                        "{\"type\":\"sms.delivery_report\",\"id\":41," + TS + ",\"data\":{\"reference\":42,"
                                + "\"recipient\":\"+***0100\",\"status\":\"delivered\","
                                + TS + ",\"message_id\":\"7\"}}",
                        "{\"type\":\"sms.delivery_report\",\"id\":41," + TS + ",\"data\":{\"reference\":42,"
                                + "\"recipient\":\"+15550100100\",\"status\":\"delivered\","
                                + TS + ",\"message_id\":\"7\"}}"),
                Arguments.of(new SmsDeliveryReport(T, 0, "12345", DeliveryStatus.FAILED, 0x41, null),
                        "{\"type\":\"sms.delivery_report\",\"id\":41," + TS + ",\"data\":{\"reference\":0,"
                                + "\"recipient\":\"***2345\",\"status\":\"failed\","
                                + TS + ",\"message_id\":null}}",
                        "{\"type\":\"sms.delivery_report\",\"id\":41," + TS + ",\"data\":{\"reference\":0,"
                                + "\"recipient\":\"12345\",\"status\":\"failed\","
                                + TS + ",\"message_id\":null}}"),
                Arguments.of(new SmsSent(T, "+15550100100", List.of(17, 18), 2, 9L),
                        "{\"type\":\"sms.sent\",\"id\":41," + TS + ",\"data\":{\"recipient\":\"+***0100\","
                                + "\"reference\":17,\"parts\":2,\"message_id\":\"9\"}}",
                        "{\"type\":\"sms.sent\",\"id\":41," + TS + ",\"data\":{\"recipient\":\"+15550100100\","
                                + "\"reference\":17,\"parts\":2,\"message_id\":\"9\"}}"),
                Arguments.of(new SmsQueued(T, "+15550100100", 2, 9L),
                        "{\"type\":\"sms.queued\",\"id\":41," + TS + ",\"data\":{\"message_id\":\"9\","
                                + "\"recipient\":\"+***0100\",\"parts\":2}}",
                        "{\"type\":\"sms.queued\",\"id\":41," + TS + ",\"data\":{\"message_id\":\"9\","
                                + "\"recipient\":\"+15550100100\",\"parts\":2}}"),
                Arguments.of(new SmsFailed(T, "+15550100100", 9L, OutboxStatus.UNKNOWN, "modem did not answer"),
                        "{\"type\":\"sms.failed\",\"id\":41," + TS + ",\"data\":{\"message_id\":\"9\","
                                + "\"recipient\":\"+***0100\",\"status\":\"unknown\","
                                + "\"error\":\"modem did not answer\"}}",
                        "{\"type\":\"sms.failed\",\"id\":41," + TS + ",\"data\":{\"message_id\":\"9\","
                                + "\"recipient\":\"+15550100100\",\"status\":\"unknown\","
                                + "\"error\":\"modem did not answer\"}}"),
                Arguments.of(new CallStateChanged(T, CallState.ACTIVE),
                        "{\"type\":\"call.state\",\"id\":41," + TS + ",\"data\":{\"state\":\"active\"}}",
                        "{\"type\":\"call.state\",\"id\":41," + TS + ",\"data\":{\"state\":\"active\"}}"),
                Arguments.of(new CallRing(T),
                        "{\"type\":\"call.ring\",\"id\":41," + TS + ",\"data\":{}}",
                        "{\"type\":\"call.ring\",\"id\":41," + TS + ",\"data\":{}}"),
                Arguments.of(new CallerId(T, "+15550100100"),
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"+***0100\"}}",
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"+15550100100\"}}"),
                Arguments.of(new CallerId(T, "1234"),
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"***\"}}",
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"1234\"}}"),
                Arguments.of(new CallerId(T, ""),
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"unknown\"}}",
                        "{\"type\":\"call.caller_id\",\"id\":41," + TS + ",\"data\":{\"number\":\"\"}}"),
                Arguments.of(new DtmfReceived(T, '5'),
                        "{\"type\":\"call.dtmf\",\"id\":41," + TS + ",\"data\":{\"digit\":\"[redacted]\"}}",
                        "{\"type\":\"call.dtmf\",\"id\":41," + TS + ",\"data\":{\"digit\":\"5\"}}"),
                Arguments.of(new ModemConnected(T),
                        "{\"type\":\"modem.state\",\"id\":41," + TS + ",\"data\":{\"connected\":true}}",
                        "{\"type\":\"modem.state\",\"id\":41," + TS + ",\"data\":{\"connected\":true}}"),
                Arguments.of(new ModemDisconnected(T, "link error: /dev/ttyUSB2 gone"),
                        "{\"type\":\"modem.state\",\"id\":41," + TS + ",\"data\":{\"connected\":false}}",
                        "{\"type\":\"modem.state\",\"id\":41," + TS + ",\"data\":{\"connected\":false}}"),
                Arguments.of(new SignalQuality(T, 20, 0),
                        "{\"type\":\"signal.quality\",\"id\":41," + TS + ",\"data\":{\"rssi\":20,\"ber\":0,"
                                + "\"dbm\":-73}}",
                        "{\"type\":\"signal.quality\",\"id\":41," + TS + ",\"data\":{\"rssi\":20,\"ber\":0,"
                                + "\"dbm\":-73}}"),
                Arguments.of(new SignalQuality(T, 99, 99),
                        "{\"type\":\"signal.quality\",\"id\":41," + TS + ",\"data\":{\"rssi\":99,\"ber\":99,"
                                + "\"dbm\":null}}",
                        "{\"type\":\"signal.quality\",\"id\":41," + TS + ",\"data\":{\"rssi\":99,\"ber\":99,"
                                + "\"dbm\":null}}"),
                Arguments.of(new NetworkRegistrationChanged(T, Registration.HOME, AccessTechnology.LTE),
                        "{\"type\":\"network.registration\",\"id\":41," + TS + ",\"data\":{\"registration\":\"home\","
                                + "\"technology\":\"lte\"}}",
                        "{\"type\":\"network.registration\",\"id\":41," + TS + ",\"data\":{\"registration\":\"home\","
                                + "\"technology\":\"lte\"}}"),
                Arguments.of(new NetworkRegistrationChanged(T, Registration.NOT_REGISTERED, AccessTechnology.UNKNOWN),
                        "{\"type\":\"network.registration\",\"id\":41," + TS + ",\"data\":{\"registration\":"
                                + "\"not_registered\",\"technology\":\"unknown\"}}",
                        "{\"type\":\"network.registration\",\"id\":41," + TS + ",\"data\":{\"registration\":"
                                + "\"not_registered\",\"technology\":\"unknown\"}}"),
                Arguments.of(new UssdResponse(T, 0, "Balance: 5.00 \u20AC", 15),
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":0,\"encoding\":\"gsm7\","
                                + "\"message\":\"[redacted]\",\"message_length\":15}}",
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":0,\"encoding\":\"gsm7\","
                                + "\"message\":\"Balance: 5.00 \u20AC\",\"message_length\":15}}"),
                Arguments.of(new UssdResponse(T, 1, "\u041F\u0440\u0438\u0432\u0435\u0442", 72),
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":1,\"encoding\":\"ucs2\","
                                + "\"message\":\"[redacted]\",\"message_length\":6}}",
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":1,\"encoding\":\"ucs2\","
                                + "\"message\":\"\u041F\u0440\u0438\u0432\u0435\u0442\",\"message_length\":6}}"),
                Arguments.of(new UssdResponse(T, 2, null, -1),
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":2,"
                                + "\"encoding\":\"unknown\",\"message\":null,\"message_length\":0}}",
                        "{\"type\":\"ussd.response\",\"id\":41," + TS + ",\"data\":{\"status\":2,"
                                + "\"encoding\":\"unknown\",\"message\":null,\"message_length\":0}}"),
                Arguments.of(new VoicemailRecorded(T, "vm_Ab3", Duration.ofMillis(3040), "+15550100100"),
                        "{\"type\":\"call.voicemail\",\"id\":41," + TS + ",\"data\":{\"id\":\"vm_Ab3\","
                                + "\"duration_seconds\":3.040,\"caller\":\"+***0100\"}}",
                        "{\"type\":\"call.voicemail\",\"id\":41," + TS + ",\"data\":{\"id\":\"vm_Ab3\","
                                + "\"duration_seconds\":3.040,\"caller\":\"+15550100100\"}}"),
                Arguments.of(new VoicemailRecorded(T, "vm_Ab3", Duration.ofSeconds(2), null),
                        "{\"type\":\"call.voicemail\",\"id\":41," + TS + ",\"data\":{\"id\":\"vm_Ab3\","
                                + "\"duration_seconds\":2.000,\"caller\":null}}",
                        "{\"type\":\"call.voicemail\",\"id\":41," + TS + ",\"data\":{\"id\":\"vm_Ab3\","
                                + "\"duration_seconds\":2.000,\"caller\":null}}"),
                Arguments.of(new IvrOptionChosen(T, "0", "operator"),
                        "{\"type\":\"call.ivr\",\"id\":41," + TS + ",\"data\":{\"option\":\"0\","
                                + "\"event\":\"operator\"}}",
                        "{\"type\":\"call.ivr\",\"id\":41," + TS + ",\"data\":{\"option\":\"0\","
                                + "\"event\":\"operator\"}}"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventIsEncodedExactlyInBothViews(ModemEvent event, String redacted, String content) {
        assertThat(text(encoder.event(41, event, View.REDACTED))).isEqualTo(redacted);
        assertThat(text(encoder.event(41, event, View.CONTENT))).isEqualTo(content);
    }

    @Test
    void everyCoreEventTypeHasANameAndAnEncoding() {
        List<Class<?>> pinned = events().<Class<?>>map(a -> a.get()[0].getClass()).distinct().toList();

        assertThat(pinned).containsExactlyInAnyOrder(ModemEvent.class.getPermittedSubclasses());
    }

    @Test
    void redactedViewNeverCarriesNumbersOrText() {
        events().forEach(arguments -> {
            String redacted = text(encoder.event(1, (ModemEvent) arguments.get()[0], View.REDACTED));
            assertThat(redacted).doesNotContain("15550100100", "0100100", "Hi ", "Say", "Balance", "ttyUSB",
                    "\u041F\u0440\u0438\u0432\u0435\u0442", "\"digit\":\"5\"");
        });
    }

    @Test
    void helloForAllEventsListsEverythingTwice() {
        assertThat(text(encoder.hello(EventSelection.all())))
                .isEqualTo("{\"type\":\"hello\",\"version\":1,\"events\":" + ALL_NAMES + ",\"selected_events\":"
                        + ALL_NAMES + ",\"last_id\":0}");
    }

    @Test
    void helloForASelectionListsItInTheClientsOrder() {
        assertThat(text(encoder.hello(EventSelection.parse(" sms.sent , ,sms.sent,call.ring"))))
                .isEqualTo("{\"type\":\"hello\",\"version\":1,\"events\":" + ALL_NAMES
                        + ",\"selected_events\":[\"sms.sent\",\"call.ring\"],\"last_id\":0}");
    }

    @Test
    void helloCarriesTheLastIdAndResyncTheOldestKeptId() {
        assertThat(text(encoder.hello(EventSelection.parse("call.ring"), 42))).isEqualTo("{\"type\":\"hello\","
                + "\"version\":1,\"events\":" + ALL_NAMES + ",\"selected_events\":[\"call.ring\"],\"last_id\":42}");
        assertThat(text(encoder.resync(17))).isEqualTo("{\"type\":\"resync\",\"version\":1,\"oldest\":17}");
    }

    @Test
    void overflowNoticeCarriesTheDroppedCount() {
        assertThat(text(encoder.overflow(6))).isEqualTo("{\"type\":\"overflow\",\"version\":1,\"dropped\":6}");
    }

    @Test
    void timestampsAreUtcWithMillisecondsAndZ() {
        assertThat(text(encoder.event(1, new CallRing(Instant.parse("2026-01-02T03:04:05Z")), View.REDACTED)))
                .contains("\"timestamp\":\"2026-01-02T03:04:05.000Z\"");
        assertThat(text(encoder.event(1, new CallRing(Instant.parse("1999-12-31T23:59:59.999999Z")), View.REDACTED)))
                .contains("\"timestamp\":\"1999-12-31T23:59:59.999Z\"");
    }

    @Test
    void hubSendsTheSameBytesAsTheEncoderWithSharedIds() {
        try (EventBus bus = new EventBus(); RealtimeHub hub = new RealtimeHub(bus, RealtimeConfig.defaults())) {
            RecordingSink redacted = RecordingSink.writable("r");
            RecordingSink content = RecordingSink.writable("c");
            redacted.registerOn(hub, EventSelection.all(), View.REDACTED);
            content.registerOn(hub, EventSelection.parse("call.caller_id"), View.CONTENT);

            bus.publish(new CallRing(T));
            bus.publish(new CallerId(T, "+15550100100"));

            assertThat(redacted.texts()).containsExactly(
                    "{\"type\":\"hello\",\"version\":1,\"events\":" + ALL_NAMES + ",\"selected_events\":"
                            + ALL_NAMES + ",\"last_id\":0}",
                    "{\"type\":\"call.ring\",\"id\":1," + TS + ",\"data\":{}}",
                    "{\"type\":\"call.caller_id\",\"id\":2," + TS + ",\"data\":{\"number\":\"+***0100\"}}");
            assertThat(content.texts()).containsExactly(
                    "{\"type\":\"hello\",\"version\":1,\"events\":" + ALL_NAMES
                            + ",\"selected_events\":[\"call.caller_id\"],\"last_id\":0}",
                    "{\"type\":\"call.caller_id\",\"id\":2," + TS + ",\"data\":{\"number\":\"+15550100100\"}}");
        }
    }

    @Test
    void encodedMessageIsUtf8AndDoesNotPrintItsContent() {
        EncodedMessage message = EncodedMessage.ofText("{\"body\":\"\u20AC\"}");

        assertThat(message.utf8()).isEqualTo("{\"body\":\"\u20AC\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(message.text()).isEqualTo("{\"body\":\"\u20AC\"}");
        assertThat(message.toString()).doesNotContain("body").contains(String.valueOf(message.utf8().length));
        assertThat(Arrays.equals(message.utf8(), message.text().getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
