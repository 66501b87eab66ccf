package dev.callstack.realtime.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.realtime.EventNames;
import dev.callstack.realtime.EventSelection;
import dev.callstack.realtime.View;
import dev.callstack.realtime.WireViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Encodes realtime protocol version 1 messages to UTF-8 JSON: {@code hello}, events (in either {@link View}) and
 * {@code overflow}. The envelope lives here and nowhere else; each event's {@code data} is {@link WireViews}'s, the
 * same view HTTP answers with. Pure: no I/O beyond an in-memory buffer, no logging.
 *
 * <p>Thread-safe (stateless apart from the shared, thread-safe {@link JsonFactory}).
 */
public final class EnvelopeEncoder {
    public static final int PROTOCOL_VERSION = 1;

    private final JsonFactory json = WireViews.newJsonFactory();

    /** {@code {"type":"hello","version":1,"events":[...],"selected_events":[...],"last_id":0}}. */
    public byte[] hello(EventSelection selection) {
        return hello(selection, 0);
    }

    /**
     * {@code {"type":"hello","version":1,"events":[...],"selected_events":[...],"last_id":n}}: {@code last_id} is the
     * newest event id when the client registered, the cursor it can resume from with {@code since=}.
     */
    public byte[] hello(EventSelection selection, long lastId) {
        Objects.requireNonNull(selection, "selection");
        if (lastId < 0) {
            throw new IllegalArgumentException("lastId must not be negative");
        }
        return write(64 + 24 * EventNames.supported().size(), g -> {
            g.writeStartObject();
            g.writeStringField("type", "hello");
            g.writeNumberField("version", PROTOCOL_VERSION);
            writeNames(g, "events", EventNames.supported());
            writeNames(g, "selected_events", selection.names());
            g.writeNumberField("last_id", lastId);
            g.writeEndObject();
        });
    }

    /**
     * {@code {"type":"resync","version":1,"oldest":n}}: the resume cursor is older than the journal keeps; the replay
     * that follows starts at {@code oldest}.
     */
    public byte[] resync(long oldest) {
        if (oldest < 1) {
            throw new IllegalArgumentException("oldest must be positive");
        }
        return write(48, g -> {
            g.writeStartObject();
            g.writeStringField("type", "resync");
            g.writeNumberField("version", PROTOCOL_VERSION);
            g.writeNumberField("oldest", oldest);
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
        return write(160, g -> {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeNumberField("id", id);
            g.writeStringField("timestamp", WireViews.timestamp(event.timestamp()));
            g.writeObjectFieldStart("data");
            WireViews.writeEvent(g, event, view);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeNames(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String name : names) {
            g.writeString(name);
        }
        g.writeEndArray();
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
