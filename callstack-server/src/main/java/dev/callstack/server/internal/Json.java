package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The server's JSON: one configured mapper, request bodies to objects, trees to bytes.
 *
 * <p>Thread-safe (the mapper is configured once and then only used).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
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

    /** The body as a JSON object, or an {@link HttpError} 400 with the documented message. */
    static ObjectNode object(ByteBuf content) {
        JsonNode node;
        try (InputStream in = new ByteBufInputStream(content.duplicate())) {
            node = MAPPER.readTree(in);
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
