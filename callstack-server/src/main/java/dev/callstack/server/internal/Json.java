package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.realtime.WireViews;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's JSON: one configured mapper, request bodies to objects, trees to bytes.
 *
 * <p>Thread-safe (the mapper is configured once and then only used).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(WireViews.newJsonFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** What {@link #write} writes: one JSON value. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    /** The UTF-8 bytes {@code body} writes, through the same factory as every other Callstack JSON. */
    static byte[] write(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
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
        try {
            if (content.hasArray()) {
                node = MAPPER.readTree(content.array(), content.arrayOffset() + content.readerIndex(),
                        content.readableBytes());
            } else {
                node = MAPPER.readTree(ByteBufUtil.getBytes(content));
            }
        } catch (IOException | RuntimeException malformed) {
            throw HttpError.badRequest(ErrorBody.INVALID_JSON);
        }
        if (node == null || node.isMissingNode()) {
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
