package dev.callstack.realtime.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.callstack.core.Redaction;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import dev.callstack.realtime.EventNames;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Encodes realtime protocol version 1 messages to UTF-8 JSON: {@code hello}, events (in either {@link View}) and
 * {@code overflow}. The wire format lives here and nowhere else. Pure: no I/O beyond an in-memory buffer, no logging.
 *
 * <p>Thread-safe (stateless apart from the shared, thread-safe {@link JsonFactory}).
 */
public final class EnvelopeEncoder {
    public static final int PROTOCOL_VERSION = 1;

    // Characters outside the BMP (emoji) go out as their 4 UTF-8 bytes, not as escaped surrogate pairs.
    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** {@code {"type":"hello","version":1,"events":[...],"selected_events":[...]}}. */
    public byte[] hello(EventSelection selection) {
        Objects.requireNonNull(selection, "selection");
        return write(64 + 24 * EventNames.supported().size(), g -> {
            g.writeStartObject();
            g.writeStringField("type", "hello");
            g.writeNumberField("version", PROTOCOL_VERSION);
            writeNames(g, "events", EventNames.supported());
            writeNames(g, "selected_events", selection.names());
            g.writeEndObject();
        });
    }

    /** {@code {"type":"overflow","version":1,"dropped":n}}. */
    public byte[] overflow(long dropped) {
        if (dropped < 1) {
            throw new IllegalArgumentException("dropped must be positive");
        }
        return write(48, g -> {
            g.writeStartObject();
            g.writeStringField("type", "overflow");
            g.writeNumberField("version", PROTOCOL_VERSION);
            g.writeNumberField("dropped", dropped);
            g.writeEndObject();
        });
    }

    /** {@code {"type":"<name>","id":id,"timestamp":"...Z","data":{...}}} with {@code data} as {@code view} allows. */
    public byte[] event(long id, ModemEvent event, View view) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(view, "view");
        String type = EventNames.nameOf(event);
        boolean content = view == View.CONTENT;
        return write(160, g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeNumberField("id", id);
            g.writeStringField("timestamp", IsoTimestamp.format(event.timestamp()));
            g.writeObjectFieldStart("data");
            writeData(g, event, content);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeData(JsonGenerator g, ModemEvent event, boolean content) throws IOException {
        // Sealed hierarchy; EventNames.nameOf above already rejected anything unknown.
        if (event instanceof SmsReceived sms) {
            g.writeStringField("sender", content ? sms.sender() : Redaction.phone(sms.sender()));
            g.writeStringField("body", content ? sms.body() : Redaction.text(sms.body()));
            g.writeNumberField("body_length", codePoints(sms.body()));
            g.writeNumberField("parts", sms.parts());
        } else if (event instanceof SmsDeliveryReport report) {
            g.writeNumberField("reference", report.reference());
            g.writeStringField("recipient", content ? report.recipient() : Redaction.phone(report.recipient()));
            g.writeStringField("status", lower(report.status()));
        } else if (event instanceof SmsSent sent) {
            g.writeStringField("recipient", content ? sent.recipient() : Redaction.phone(sent.recipient()));
            g.writeNumberField("reference", sent.reference());
            g.writeNumberField("parts", sent.parts());
        } else if (event instanceof CallStateChanged call) {
            g.writeStringField("state", lower(call.state()));
        } else if (event instanceof CallRing) {
            // No data: a ring carries nothing beyond its timestamp.
        } else if (event instanceof CallerId caller) {
            g.writeStringField("number", content ? caller.number() : Redaction.phone(caller.number()));
        } else if (event instanceof DtmfReceived dtmf) {
            String digit = String.valueOf(dtmf.digit());
            g.writeStringField("digit", content ? digit : Redaction.text(digit));
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
        } else if (event instanceof UssdResponse ussd) {
            g.writeNumberField("status", ussd.status());
            g.writeStringField("encoding", UssdEncodingLabel.of(ussd.dataCodingScheme()));
            String message = ussd.message();
            // An absent message (status 2, 4, 5) stays null in both views: there is nothing to redact.
            g.writeStringField("message", message == null ? null : content ? message : Redaction.text(message));
            g.writeNumberField("message_length", message == null ? 0 : codePoints(message));
        } else {
            throw new IllegalArgumentException("no realtime encoding for " + event.getClass().getName());
        }
    }

    private static void writeNames(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String name : names) {
            g.writeString(name);
        }
        g.writeEndArray();
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private byte[] write(int sizeHint, Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(sizeHint);
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException impossible) {
            // Only an in-memory buffer is written; kept typed in case Jackson ever reports one anyway.
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }
}
