package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.realtime.WireViews;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's JSON: one configured factory, request bodies to object trees ({@link JsonTrees}), generator bodies to
 * bytes. No {@code ObjectMapper}: the server needs trees and a generator, not databind's several hundred classes.
 *
 * <p>Thread-safe (the factory is configured once and then only used).
 */
final class Json {
    private static final JsonFactory FACTORY = WireViews.newJsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    /** What {@link #write} writes: one JSON value. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    /** The UTF-8 bytes {@code body} writes, through the same factory as every other Callstack JSON. */
    static byte[] write(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException impossible) {
            // Only an in-memory buffer is written.
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** The body as a JSON object, or an {@link HttpError} 400 with the documented message. */
    static ObjectNode object(ByteBuf content) {
        JsonNode node;
        // From an array, not a stream: the stream path allocates and fills an 8 KB read buffer and sniffs the
        // encoding through it for every request body (a tenth of the event loop's time per POST /sms/send).
        try (JsonParser parser = content.hasArray()
                ? FACTORY.createParser(content.array(), content.arrayOffset() + content.readerIndex(),
                        content.readableBytes())
                : FACTORY.createParser(ByteBufUtil.getBytes(content))) {
            node = JsonTrees.read(parser);
        } catch (IOException | RuntimeException malformed) {
            throw HttpError.badRequest(ErrorBody.INVALID_JSON);
        }
        if (node.isMissingNode()) {
            throw HttpError.badRequest(ErrorBody.INVALID_JSON);
        }
        if (!node.isObject()) {
            throw HttpError.badRequest(ErrorBody.NOT_AN_OBJECT);
        }
        return (ObjectNode) node;
    }

    /** A non-empty string field, or {@code null} when absent, null, not a string or empty. */
    static String nonEmptyText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            return null;
        }
        return value.textValue();
    }
}
