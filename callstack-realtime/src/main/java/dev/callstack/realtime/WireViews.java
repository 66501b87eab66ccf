package dev.callstack.realtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.Redaction;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.IvrOptionChosen;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsFailed;
import dev.callstack.core.event.SmsQueued;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.core.event.VoicemailRecorded;
import dev.callstack.realtime.internal.UssdEncodingLabel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one writer of each wire view: an SMS, a delivery report, a USSD reply and every other event look the same over
 * HTTP, {@code /ws} (inside the envelope's {@code data}) and anything that comes later, because they all call these
 * methods. Each {@code write...} method writes fields into the JSON object the caller has started, so a caller may
 * add its own fields around them (an HTTP listing adds the row's {@code id}). Redaction is
 * {@link Redaction}'s; timestamps are {@link #timestamp}'s; enum values are {@link #wireName}'s.
 *
 * <p>Stateless and thread-safe. Pure: writes only to the generator it is given, no logging.
 */
public final class WireViews {
    private WireViews() {
    }

    /**
     * A new JSON factory configured as every Callstack writer is: characters outside the BMP (emoji) go out as their
     * four UTF-8 bytes, not as escaped surrogate pairs.
     *
     * @return a new factory; share it, factories are thread-safe
     */
    public static JsonFactory newJsonFactory() {
        return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    }

    /**
     * The one timestamp shape: RFC 3339, UTC, milliseconds ({@code 2026-12-04T16:42:19.000Z}).
     *
     * @param instant the instant; not null
     * @return its wire form
     */
    public static String timestamp(Instant instant) {
        return WireTimestamp.format(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * The wire name of an enum value (call state, delivery status, registration): its name in lower case, e.g.
     * {@code delivered}, {@code not_registered}.
     *
     * @param value the enum constant; not null
     * @return its wire name
     */
    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A stored inbound SMS: {@code id, sender, body, body_length, received_at, smsc_timestamp, parts, partial}.
     *
     * @param generator inside an object
     * @param sms       the message
     * @param view      whether the sender and the body are shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeSms(JsonGenerator generator, StoredSms sms, View view) throws IOException {
        sms(generator, sms.id(), sms.sender(), sms.body(), sms.receivedAt(), sms.smscTimestamp(), sms.parts(),
                sms.partial(), view);
    }

    /**
     * An inbound SMS as it arrives: the same fields as {@link #writeSms(JsonGenerator, StoredSms, View)}, with
     * {@code received_at} the event's time and {@code id} null when it was not stored.
     *
     * @param generator inside an object
     * @param sms       the message
     * @param view      whether the sender and the body are shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeSms(JsonGenerator generator, SmsReceived sms, View view) throws IOException {
        sms(generator, sms.messageId(), sms.sender(), sms.body(), sms.timestamp(), sms.smscTimestamp(), sms.parts(),
                sms.partial(), view);
    }

    /**
     * A stored delivery report: {@code reference, recipient, status, timestamp, message_id} (the listing adds the
     * report's own {@code id}).
     *
     * @param generator inside an object
     * @param report    the report
     * @param view      whether the recipient is shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeDeliveryReport(JsonGenerator generator, StoredDeliveryReport report, View view)
            throws IOException {
        deliveryReport(generator, report.reference(), report.recipient(), report.status(), report.timestamp(),
                report.messageId(), view);
    }

    /**
     * A delivery report as it arrives: the same fields as
     * {@link #writeDeliveryReport(JsonGenerator, StoredDeliveryReport, View)}.
     *
     * @param generator inside an object
     * @param report    the report
     * @param view      whether the recipient is shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeDeliveryReport(JsonGenerator generator, SmsDeliveryReport report, View view)
            throws IOException {
        deliveryReport(generator, report.reference(), report.recipient(), report.status(), report.timestamp(),
                report.messageId(), view);
    }

    /**
     * An outbox message: {@code message_id} (a string), {@code to}, {@code body} (only in the content view),
     * {@code status}, {@code parts}, {@code references} (one per part, null for a part that did not leave),
     * {@code attempts}, {@code created_at}, {@code sent_at}, {@code delivered_at}, {@code error}, and for
     * {@code partially_sent} also {@code part_results}: {@code [{"part","reference","delivery"}]}.
     *
     * @param generator inside an object
     * @param entry     the message
     * @param view      whether the recipient and the body are shown (the redacted view has no body at all)
     * @throws IOException when the generator fails
     */
    public static void writeOutboxEntry(JsonGenerator generator, OutboxEntry entry, View view) throws IOException {
        JsonGenerator g = generator;
        writeMessageId(g, entry.messageId());
        g.writeStringField("to", phone(entry.to().value(), view));
        if (view == View.CONTENT) {
            g.writeStringField("body", entry.body());
        }
        g.writeStringField("status", wireName(entry.status()));
        g.writeNumberField("parts", entry.parts().size());
        g.writeArrayFieldStart("references");
        for (OutboxPart part : entry.parts()) {
            nullableNumber(g, part.reference());
        }
        g.writeEndArray();
        g.writeNumberField("attempts", entry.attempts());
        g.writeStringField("created_at", timestamp(entry.createdAt()));
        g.writeStringField("sent_at", entry.sentAt() == null ? null : timestamp(entry.sentAt()));
        g.writeStringField("delivered_at", entry.deliveredAt() == null ? null : timestamp(entry.deliveredAt()));
        g.writeStringField("error", entry.error());
        if (entry.status() == OutboxStatus.PARTIALLY_SENT) {
            g.writeArrayFieldStart("part_results");
            for (OutboxPart part : entry.parts()) {
                g.writeStartObject();
                g.writeNumberField("part", part.part());
                g.writeFieldName("reference");
                nullableNumber(g, part.reference());
                g.writeStringField("delivery", part.delivery() == null ? null : wireName(part.delivery()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /**
     * A USSD reply: {@code status, encoding, message, message_length}. An absent message (status 2, 4, 5) is null in
     * both views with length 0: there is nothing to redact.
     *
     * @param generator inside an object
     * @param reply     the reply
     * @param view      whether the text is shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeUssd(JsonGenerator generator, UssdResponse reply, View view) throws IOException {
        String message = reply.message();
        generator.writeNumberField("status", reply.status());
        generator.writeStringField("encoding", UssdEncodingLabel.of(reply.dataCodingScheme()));
        generator.writeStringField("message", message == null ? null : text(message, view));
        generator.writeNumberField("message_length", message == null ? 0 : codePoints(message));
    }

    /**
     * The {@code data} fields of any realtime event: the SMS, delivery report and USSD views above, and the fields of
     * the other events.
     *
     * @param generator inside an object
     * @param event     the event
     * @param view      whether numbers and text are shown or redacted
     * @throws IOException              when the generator fails
     * @throws IllegalArgumentException for an event type without a wire view
     */
    public static void writeEvent(JsonGenerator generator, ModemEvent event, View view) throws IOException {
        Objects.requireNonNull(view, "view");
        JsonGenerator g = generator;
        if (event instanceof SmsReceived sms) {
            writeSms(g, sms, view);
        } else if (event instanceof SmsDeliveryReport report) {
            writeDeliveryReport(g, report, view);
        } else if (event instanceof UssdResponse ussd) {
            writeUssd(g, ussd, view);
        } else if (event instanceof SmsSent sent) {
            g.writeStringField("recipient", phone(sent.recipient(), view));
            g.writeNumberField("reference", sent.reference());
            g.writeNumberField("parts", sent.parts());
            writeMessageId(g, sent.messageId());
        } else if (event instanceof SmsQueued queued) {
            writeMessageId(g, queued.messageId());
            g.writeStringField("recipient", phone(queued.recipient(), view));
            g.writeNumberField("parts", queued.parts());
        } else if (event instanceof SmsFailed failed) {
            writeMessageId(g, failed.messageId());
            g.writeStringField("recipient", phone(failed.recipient(), view));
            g.writeStringField("status", wireName(failed.status()));
            g.writeStringField("error", failed.error());
        } else if (event instanceof CallStateChanged call) {
            g.writeStringField("state", wireName(call.state()));
        } else if (event instanceof CallRing) {
            // No data: a ring carries nothing beyond its timestamp.
        } else if (event instanceof CallerId caller) {
            g.writeStringField("number", phone(caller.number(), view));
        } else if (event instanceof DtmfReceived dtmf) {
            g.writeStringField("digit", text(String.valueOf(dtmf.digit()), view));
        } else if (event instanceof ModemConnected) {
            g.writeBooleanField("connected", true);
        } else if (event instanceof ModemDisconnected) {
            // The reason is operator-only text: never on the wire.
            g.writeBooleanField("connected", false);
        } else if (event instanceof SignalQuality signal) {
            g.writeNumberField("rssi", signal.rssi());
            g.writeNumberField("ber", signal.ber());
            OptionalInt dbm = signal.dbm();
            g.writeFieldName("dbm");
            if (dbm.isPresent()) {
                g.writeNumber(dbm.getAsInt());
            } else {
                g.writeNull();
            }
        } else if (event instanceof NetworkRegistrationChanged network) {
            g.writeStringField("registration", wireName(network.registration()));
            g.writeStringField("technology", wireName(network.technology()));
        } else if (event instanceof VoicemailRecorded voicemail) {
            writeVoicemail(g, voicemail.id(), voicemail.duration(), voicemail.caller(), view);
        } else if (event instanceof IvrOptionChosen ivr) {
            // The option is one of the plan's own menu keys, never free input (a PIN typed at the menu is no
            // option and is not reported), so both views show it: automations act on it.
            g.writeStringField("option", ivr.option());
            g.writeStringField("event", ivr.event());
        } else {
            throw new IllegalArgumentException("no wire view for " + event.getClass().getName());
        }
    }

    /**
     * A voicemail: {@code id, duration_seconds} (milliseconds precision) and {@code caller} (null when withheld),
     * the same in the {@code call.voicemail} event and the {@code GET /voicemail} listing (which adds its own fields).
     *
     * @param generator inside an object
     * @param id        the voicemail's id
     * @param duration  the recording's length
     * @param caller    the caller's number, or null when withheld
     * @param view      whether the caller is shown or redacted
     * @throws IOException when the generator fails
     */
    public static void writeVoicemail(JsonGenerator generator, String id, Duration duration, String caller, View view)
            throws IOException {
        generator.writeStringField("id", id);
        generator.writeNumberField("duration_seconds", BigDecimal.valueOf(duration.toMillis(), 3));
        generator.writeStringField("caller", caller == null ? null : phone(caller, view));
    }

    private static void sms(JsonGenerator g, Long id, String sender, String body, Instant receivedAt,
                            Instant smscTimestamp, int parts, boolean partial, View view) throws IOException {
        nullableNumber(g, "id", id);
        g.writeStringField("sender", phone(sender, view));
        g.writeStringField("body", text(body, view));
        g.writeNumberField("body_length", codePoints(body));
        g.writeStringField("received_at", timestamp(receivedAt));
        g.writeStringField("smsc_timestamp", smscTimestamp == null ? null : timestamp(smscTimestamp));
        g.writeNumberField("parts", parts);
        g.writeBooleanField("partial", partial);
    }

    private static void deliveryReport(JsonGenerator g, int reference, String recipient, DeliveryStatus status,
                                       Instant at, Long messageId, View view) throws IOException {
        g.writeNumberField("reference", reference);
        g.writeStringField("recipient", phone(recipient, view));
        g.writeStringField("status", wireName(status));
        g.writeStringField("timestamp", timestamp(at));
        writeMessageId(g, messageId);
    }

    /**
     * The {@code message_id} field of an outgoing message, the same everywhere (the send answer, the outbox view,
     * the {@code sms.queued/sent/failed} events and delivery reports): a decimal string, so clients in languages
     * whose JSON numbers are doubles never round it; null when the message is not known.
     *
     * @param generator inside an object
     * @param messageId the id, or null
     * @throws IOException when the generator fails
     */
    public static void writeMessageId(JsonGenerator generator, Long messageId) throws IOException {
        generator.writeStringField("message_id", messageId == null ? null : Long.toString(messageId));
    }

    private static void nullableNumber(JsonGenerator g, String field, Long value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void nullableNumber(JsonGenerator g, Integer value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static String phone(String number, View view) {
        return view == View.CONTENT ? number : Redaction.phone(number);
    }

    private static String text(String text, View view) {
        return view == View.CONTENT ? text : Redaction.text(text);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
